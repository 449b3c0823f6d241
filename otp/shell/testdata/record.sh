#!/bin/sh
# Records what a real erl prints for session.txt, the input the shell's
# comparison test types into both shells:
#   sh otp/shell/testdata/record.sh
# The test normalises pids, references, fun identities and the banner.
cd "$(dirname "$0")" && erl < session.txt > session.erl.out 2>&1
