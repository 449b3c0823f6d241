#!/usr/bin/env escript
%% -*- erlang -*-
%%! -noshell
%%
%% Records how a real Erlang/OTP shell reads input, so that the Go tests of
%% the shell's scanner and parser can compare against it without erl.
%%
%%   escript gen.escript
%%
%% It reads cases.txt (one case per line; blank lines and lines starting
%% with "%%" are skipped; the character U+23CE stands for a line break)
%% and writes cases.golden, a txtar archive with, for case N:
%%
%%   N.in        the case, as the shell reads it (a final newline added)
%%   N.complete  where the shell stops reading the first form, as
%%               erl_scan:tokens/4 says: "more" (it needs more input),
%%               "dot L:C" (a form ended by the full stop at L:C) or
%%               "error B" (a scan error; the shell drops the rest of the
%%               line, so the next form starts at byte offset B)
%%   N.out       what the shell makes of the first form, read as the shell
%%               reads it (io:scan_erl_exprs/4 then
%%               erl_eval:extended_parse_exprs/1, the end of input ending a
%%               form that has no full stop): "ok " and the expressions'
%%               abstract format printed with ~w, or "error " and the
%%               line the shell prints ("* 1:5: syntax error before: ')'"),
%%               or "crash" where the shell crashes.
%%
%% The abstract format is printed with locations {Line,Column} as
%% annotations, with these changes where the Go AST keeps less:
%% characters are integers, the [] that ends a list written without a
%% tail, or given as its tail, has the annotation 'end', the annotation of
%% a remote (the ':') is 'colon', and the stacktrace variable that erl_parse
%% adds to a catch clause without one (or a stacktrace variable _) has the
%% annotation 'last'.

main(_) ->
    Dir = filename:dirname(escript:script_name()),
    {ok, Bin} = file:read_file(filename:join(Dir, "cases.txt")),
    Lines = [L || L <- string:split(unicode:characters_to_list(Bin), "\n", all),
                  L =/= "", not lists:prefix("%%", L)],
    Out = [record(N, L) || {N, L} <- lists:zip(lists:seq(1, length(Lines)), Lines)],
    Header = io_lib:format("Recorded by gen.escript from cases.txt on Erlang/OTP ~s.~n",
                           [erlang:system_info(otp_release)]),
    ok = file:write_file(filename:join(Dir, "cases.golden"),
                         unicode:characters_to_binary([Header | Out])).

opts() -> [text, {reserved_word_fun, fun erl_scan:reserved_word/1}].

record(N, Line) ->
    Input = [case C of 16#23CE -> $\n; _ -> C end || C <- Line] ++ "\n",
    {Complete, Result} =
        case erl_scan:tokens([], Input, {1, 1}, opts()) of
            {done, {ok, Toks, _} = R, _Rest} ->
                {io_lib:format("dot ~s", [loc(element(2, lists:last(Toks)))]), R};
            {done, {error, _, _} = R, Rest} ->
                Skipped = case string:split(Rest, "\n") of
                              [_, After] -> After;
                              _ -> ""
                          end,
                {io_lib:format("error ~w", [bytes(Input) - bytes(Skipped)]), R};
            {more, Cont} ->
                {done, R, _} = erl_scan:tokens(Cont, eof, {1, 1}, opts()),
                {"more", R}
        end,
    Out = case Result of
              {ok, Ts, _} ->
                  try erl_eval:extended_parse_exprs(Ts) of
                      {ok, Exprs} -> io_lib:format("ok ~w", [[norm(E) || E <- Exprs]]);
                      {error, {Loc, Mod, Desc}} -> err(Loc, Mod, Desc)
                  catch
                      _:_ -> "crash" % the shell crashes too (f() -> a; f() -> b.)
                  end;
              {error, {Loc, Mod, Desc}, _} -> err(Loc, Mod, Desc);
              {eof, _} -> "eof"
          end,
    [io_lib:format("-- ~w.~s --~n~ts~n", [N, Name, Text])
     || {Name, Text} <- [{"in", Input}, {"complete", Complete}, {"out", Out}]].

bytes(S) -> byte_size(unicode:characters_to_binary(S)).

loc(A) -> {L, C} = erl_anno:location(A), io_lib:format("~w:~w", [L, C]).

err(Loc, Mod, Desc) ->
    io_lib:format("error * ~s: ~ts", [pos(Loc), Mod:format_error(Desc)]).

pos({L, C}) -> io_lib:format("~w:~w", [L, C]);
pos(L) -> io_lib:format("~w", [L]).

%% norm(Abstract) makes the changes described above.
norm({char, A, C}) -> {integer, A, C};
norm({cons, A, H, {nil, _}}) -> {cons, A, norm(H), {nil, 'end'}};
norm({remote, _, M, F}) -> {remote, colon, norm(M), norm(F)};
norm({'try', A, Body, Of, Catch, After}) ->
    {'try', A, norm(Body), norm(Of), [catch_clause(C) || C <- Catch], norm(After)};
norm(T) when is_tuple(T) -> list_to_tuple(norm(tuple_to_list(T)));
norm([H | T]) -> [norm(H) | norm(T)];
norm(X) -> X.

catch_clause({clause, A, [{tuple, TA, [Class, P, {var, _, '_'}]}], G, B}) ->
    {clause, A, [{tuple, TA, [norm(Class), norm(P), {var, last, '_'}]}], norm(G), norm(B)};
catch_clause(C) -> norm(C).
