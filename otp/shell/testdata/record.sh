#!/bin/sh
# Records what a real erl prints for session.txt, records.txt and
# fun2ms.txt, the inputs the shell's comparison tests type into both
# shells:
#   sh otp/shell/testdata/record.sh
# The tests normalise pids, references, fun identities and the banner.
cd "$(dirname "$0")" &&
	erl < session.txt > session.erl.out 2>&1 &&
	erl < records.txt > records.erl.out 2>&1 &&
	erl < fun2ms.txt > fun2ms.erl.out 2>&1
