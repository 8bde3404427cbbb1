#!/bin/sh
# Every include goes down the layers (tests/tools/layers.sh, README "Development").
sh "$TESTS_DIR/tools/layers.sh"
