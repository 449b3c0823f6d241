#!/usr/bin/env escript
%% -*- erlang -*-
%%! -noshell
%%
%% Records what a real Erlang/OTP prints and reads, so that the Go tests of
%% package term can compare against it without erl installed.
%%
%%   escript gen.escript [print|format|sort|parse|records]...
%%
%% Each kind reads its case file (KIND.txt, one case per line; blank lines and
%% lines starting with "%%" are skipped) and writes KIND.golden, a txtar
%% archive with, for case N, the file "N.in" (the case) and one file per
%% recorded output. All text is written as UTF-8.
%%
%% print   a line is an Erlang expression whose value is printed:
%%         w (~w), p (~p), tp (~tp), shell (as the shell prints a result).
%% format  a line is an expression {Format, Args}: out is
%%         io_lib:format(Format, Args), or the word badarg on error.
%% sort    a line is an expression giving a list: out is lists:sort(L)
%%         printed with ~w.
%% records a line is an expression {Defs, Term}, Defs a list of record
%%         definitions {Name, [Field]}: Term printed by io_lib_pretty with
%%         a record_print_fun of Defs, as the shell prints records once it
%%         knows them: shell (as the shell prints a result), p (the
%%         defaults), c30 (shell, from column 30), ll40 (line length 40),
%%         d4 (shell, depth 4), cl50 (shell, chars_limit 50).
%% parse   a line is raw text read as a term with erl_scan:string/1 and
%%         erl_parse:parse_term/1 (a final ". " is added): out is
%%         "ok ~w" of the term, or "error Line:Col: Message".

main([]) -> main(["print", "format", "sort", "parse", "records"]);
main(Kinds) ->
    Dir = filename:dirname(escript:script_name()),
    [run(list_to_atom(K), Dir) || K <- Kinds],
    ok.

run(Kind, Dir) ->
    {ok, Bin} = file:read_file(filename:join(Dir, atom_to_list(Kind) ++ ".txt")),
    Lines = [L || L <- string:split(unicode:characters_to_list(Bin), "\n", all),
                  L =/= "", not lists:prefix("%%", L)],
    Out = [record(Kind, N, L) || {N, L} <- lists:zip(lists:seq(1, length(Lines)), Lines)],
    Header = io_lib:format("Recorded by gen.escript from ~s.txt on Erlang/OTP ~s.~n",
                           [Kind, erlang:system_info(otp_release)]),
    ok = file:write_file(filename:join(Dir, atom_to_list(Kind) ++ ".golden"),
                         unicode:characters_to_binary([Header | Out])).

record(print, N, Line) ->
    V = eval(Line),
    Shell = io_lib_pretty:print(V, [{column, 1}, {line_length, 80}, {depth, -1},
                                    {line_max_chars, 60}, {strings, true},
                                    {encoding, unicode}]),
    files(N, [{"in", Line},
              {"w", io_lib:format("~w", [V])},
              {"p", io_lib:format("~p", [V])},
              {"tp", io_lib:format("~tp", [V])},
              {"shell", Shell}]);
record(records, N, Line) ->
    {Defs, V} = eval(Line),
    RF = fun(Tag, NoFields) ->
                 case lists:keyfind(Tag, 1, Defs) of
                     {Tag, Fields} when length(Fields) =:= NoFields -> Fields;
                     _ -> no
                 end
         end,
    Shell = [{column, 1}, {line_length, 80}, {depth, -1}, {line_max_chars, 60},
             {strings, true}, {encoding, unicode}, {record_print_fun, RF}],
    P = fun(Opts) -> io_lib_pretty:print(V, Opts ++ Shell) end,
    files(N, [{"in", Line},
              {"shell", P([])},
              {"p", io_lib_pretty:print(V, [{record_print_fun, RF}, {encoding, latin1}])},
              {"c30", P([{column, 30}])},
              {"ll40", P([{line_length, 40}, {line_max_chars, -1}])},
              {"d4", P([{depth, 4}])},
              {"cl50", P([{chars_limit, 50}])}]);
record(format, N, Line) ->
    {F, A} = eval(Line),
    Out = try io_lib:format(F, A) of
              S -> [$= | S]
          catch error:badarg -> "badarg"
          end,
    files(N, [{"in", Line}, {"out", Out}]);
record(sort, N, Line) ->
    files(N, [{"in", Line}, {"out", io_lib:format("~w", [lists:sort(eval(Line))])}]);
record(parse, N, Line) ->
    Out = case erl_scan:string(Line ++ ". ", {1, 1}) of
              {ok, Toks, _} ->
                  case erl_parse:parse_term(Toks) of
                      {ok, T} -> io_lib:format("ok ~w", [T]);
                      {error, {Loc, Mod, Desc}} -> err(Loc, Mod, Desc)
                  end;
              {error, {Loc, Mod, Desc}, _} -> err(Loc, Mod, Desc)
          end,
    files(N, [{"in", Line}, {"out", Out}]).

err({L, C}, Mod, Desc) -> io_lib:format("error ~w:~w: ~ts", [L, C, Mod:format_error(Desc)]);
err(L, Mod, Desc) -> io_lib:format("error ~w: ~ts", [L, Mod:format_error(Desc)]).

eval(Line) ->
    {ok, Toks, _} = erl_scan:string(Line ++ ". "),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    {value, V, _} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
    V.

%% Outputs that must keep their exact text (a leading "=" in format) are
%% written as they are; txtar adds a final newline, which the reader removes.
files(N, Fs) ->
    [io_lib:format("-- ~w.~s --~n~ts~n", [N, Name, Text]) || {Name, Text} <- Fs].
