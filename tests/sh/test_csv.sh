#!/bin/sh
# CSV exports through `posture inspect`: a field beyond the 16 MiB record
# cap, gzip, a time from the file name, Log Analytics CSV, the real
# DefectDojo portal reports.
. "$TESTS_DIR/sh/lib.sh"

SUB=00000000-1111-2222-3333-444444444444
VM=/subscriptions/$SUB/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm
KEY=4fb67663-9ab9-475d-b026-8c544cced439
header() {
	printf '"exportedTimestamp","subscriptionId","resourceId","recommendationId","recommendationName",'
	printf '"recommendationDisplayName","severity","state","controls"\r\n'
}
row() { # N TIME DISPLAYNAME
	printf '"%s","%s","%s%s","%s%s/providers/Microsoft.Security/assessments/%s","%s","%s","High","Unhealthy",""\r\n' \
		"$2" "$SUB" "$VM" "$1" "$VM" "$1" "$KEY" "$KEY" "$3"
}

# A display name of 17,000,000 bytes: that record is rejected, the others stay.
{
	header
	row 1 2026-10-31T06:00:00Z ok
	row 2 2026-10-31T06:00:00Z "$(head -c 17000000 /dev/zero | tr '\0' x)"
	row 3 2026-10-31T06:00:00Z ok
} >"$TMP/huge.csv"
out=$("$POSTURE" inspect "$TMP/huge.csv" 2>&1)
check_eq "huge field: exit" $? 0
check_contains "huge field: good rows kept" "$out" "records       2: assessment 2"
check_contains "huge field: rejected" "$out" "huge.csv:3: rejected: record longer than the 16777216-byte limit"
rm -f "$TMP/huge.csv"

# gzip, and the time from the file name when the rows carry none.
name=AzureSecurityCenterRecommendations_2022-12-12T00_41_36Z.csv
{ header; row 1 "" a; row 2 "" b; } | gzip >"$TMP/$name.gz"
out=$("$POSTURE" inspect --format json "$TMP/$name.gz")
check_eq "gzip: exit" $? 0
check_contains "gzip: format" "$out" '"format": "portal-csv"'
check_contains "gzip: flagged" "$out" '"gzip": true'
check_contains "gzip: records" "$out" '"assessment": 2'
check_contains "file name time" "$out" '"time_min": "2022-12-12T00:41:36Z"'
check_contains "file name time source" "$out" '"filename": 2'

# Log Analytics CSV export of SecurityAlert.
printf 'TimeGenerated [UTC],SystemAlertId,AlertName,AlertSeverity,ResourceId,Tactics\r\n' >"$TMP/alerts.csv"
printf '"10/31/2026, 6:00:12.123 AM",a1,Login,High,%s1,"InitialAccess,Execution"\r\n' "$VM" >>"$TMP/alerts.csv"
printf '"10/31/2026, 7:00:00.000 AM",,Scan,Low,%s2,\r\n' "$VM" >>"$TMP/alerts.csv"
out=$("$POSTURE" inspect "$TMP/alerts.csv")
check_eq "la csv: exit" $? 0
check_contains "la csv: format" "$out" "format        la-csv SecurityAlert"
check_contains "la csv: records" "$out" "records       1: alert 1"
check_contains "la csv: time" "$out" "2026-10-31T06:00:12Z .. 2026-10-31T06:00:12Z (from record: 1)"
check_contains "la csv: rejected" "$out" "alerts.csv:3: rejected: no alert id (SystemAlertId)"

if [ -z "$REALDATA" ]; then
	skip "test_csv.sh realdata: ../shared/realdata is absent"
else
	out=$("$POSTURE" inspect --format json "$REALDATA/defectdojo-portal-csv/many_vulns.csv" \
		"$REALDATA/defectdojo-portal-csv/zero_vulns.csv")
	check_eq "defectdojo: exit" $? 0
	check_contains "defectdojo: totals" "$out" '"total": 4'
	check_contains "defectdojo: subscription" "$out" '"9cfbad7a-7369-42e4-bcce-7677c5b3a44b"'
	check_eq "defectdojo: both portal-csv" "$(printf '%s\n' "$out" | grep -c '"format": "portal-csv"')" 2
fi
summary
