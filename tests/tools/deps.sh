#!/bin/sh
# Installs the Debian packages named in $PKGS that are missing, when run as root;
# otherwise prints the one command that installs them.  Quiet when nothing is missing.
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "posture: installing missing Debian packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } >/dev/null || {
		echo "posture: apt-get install failed for:$missing" >&2; exit 1; }
else
	echo "posture: missing Debian packages:$missing" >&2
	echo "posture: install them with: sudo apt-get install$missing" >&2
	exit 1
fi
