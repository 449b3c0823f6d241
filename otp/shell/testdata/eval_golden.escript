#!/usr/bin/env escript
%% Evaluates each line of eval_cases.txt with erl_eval, as the shell's
%% evaluator tests expect, and prints the outcomes to eval_golden.txt:
%%
%%   escript eval_golden.escript eval_cases.txt > eval_golden.txt
%%
%% Each case is one line, read with line and column positions and
%% evaluated as the shell evaluates, in fresh bindings, by the same
%% process, whose mailbox is emptied after each case. Each expression is
%% checked by erl_lint before it is evaluated. The outcome is printed with
%% ~w: "=> Value", "* Line:Col: Message" for an error erl_lint found, or
%% "!! Class:Reason" for an exception, followed by " @ {M,F,Args}" when
%% the first frame of the stacktrace is an operator's or a function of
%% maps. Lines that are empty or begin with % are skipped.
-mode(compile).

main([File]) ->
    ok = io:setopts([{encoding, unicode}]),
    {ok, Bin} = file:read_file(File),
    Lines = string:split(unicode:characters_to_list(Bin), "\n", all),
    lists:foreach(fun run/1, Lines).

run("") -> ok;
run("%" ++ _) -> ok;
run(S) ->
    io:format("~ts~n", [S]),
    Out = try
              {ok, Toks, _} = erl_scan:string(S, {1, 1}),
              {ok, Es} = erl_parse:parse_exprs(Toks),
              case exprs(Es, erl_eval:new_bindings(), none) of
                  {value, V} -> io_lib:format("=> ~w", [V]);
                  {error, {{L, Col}, Mod, E}} ->
                      io_lib:format("* ~w:~w: ~ts", [L, Col, Mod:format_error(E)])
              end
          catch C:R:St ->
              io_lib:format("!! ~w:~w~ts", [C, R, frame(St)])
          end,
    flush(),
    io:format("~ts~n", [Out]).

%% exprs evaluates the expressions as the shell does: each is checked
%% (erl_lint) in the bindings the ones before it made, then evaluated.
exprs([], _Bs, V) -> {value, V};
exprs([E | Es], Bs, _) ->
    case erl_eval:check_command([E], Bs) of
        ok ->
            {value, V, Bs1} = erl_eval:expr(E, Bs),
            exprs(Es, Bs1, V);
        {error, Error} ->
            {error, Error}
    end.

frame([{M, F, Args, _} | _]) when is_list(Args), M =:= erlang; is_list(Args), M =:= maps ->
    case M =:= maps orelse erl_internal:arith_op(F, length(Args))
        orelse erl_internal:bool_op(F, length(Args))
        orelse erl_internal:comp_op(F, length(Args))
        orelse erl_internal:list_op(F, length(Args))
        orelse erl_internal:send_op(F, length(Args)) of
        true -> io_lib:format(" @ ~w", [{M, F, Args}]);
        false -> ""
    end;
frame(_) -> "".

flush() ->
    receive _ -> flush() after 0 -> ok end.
