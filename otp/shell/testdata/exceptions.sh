#!/bin/sh
# Records in exceptions.golden what the Erlang/OTP 25 shell prints for
# each exception of exceptions.txt, raised with erlang:raise/3.
set -e
cd "$(dirname "$0")"
{
	grep -v '^%' exceptions.txt | grep . |
		sed 's/^\(.*\)\.$/apply(erlang, raise, tuple_to_list(\1))./'
	echo 'halt().'
} | erl > exceptions.golden
