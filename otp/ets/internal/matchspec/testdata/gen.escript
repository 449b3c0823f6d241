#!/usr/bin/env escript
%% Records what OTP does with the match specifications and patterns of
%% select.txt and match.txt, into select.golden and match.golden.
%% Run it with record.sh; see there.
%%
%% select.txt holds terms of three forms:
%%   {ms, Spec, Objects}   each object run against Spec;
%%   {body, Exprs}         each expression as the body of a clause whose
%%                         head binds '$1'..'$8' to the standard object;
%%   {guard, Exprs}        each expression as the guard of such a clause
%%                         (body [yes]), followed by a clause giving no.
%% Each golden line is {Spec, Object, Result}, Result being nomatch,
%% {match, Value} or {error, Messages}. The pid of self() is written as
%% the atom 'SELF'.
%%
%% replace.txt holds {KeyPos, Spec}; each golden line is {KeyPos, Spec,
%% Result}, Result being ok when ets:select_replace/2 accepts Spec on a
%% table with that keypos and badarg when it does not keep the key.
%%
%% match.txt holds {Pattern, Objects}; each golden line is
%% {Pattern, Object, Result}, Result being nomatch, {match, Bindings}
%% (ets:match's list for the object) or error.
-mode(compile).

main([Dir]) ->
    {ok, Sel} = file:consult(filename:join(Dir, "select.txt")),
    write(filename:join(Dir, "select.golden"), lists:flatmap(fun select/1, Sel)),
    {ok, Mat} = file:consult(filename:join(Dir, "match.txt")),
    write(filename:join(Dir, "match.golden"), lists:flatmap(fun match/1, Mat)),
    {ok, Rep} = file:consult(filename:join(Dir, "replace.txt")),
    write(filename:join(Dir, "replace.golden"), [replace(R) || R <- Rep]).

write(File, Terms) ->
    Text = ["%% Recorded from erl by gen.escript; do not edit.\n",
            [io_lib:format("~w.~n", [T]) || T <- Terms]],
    ok = file:write_file(File, Text).

std_head() -> {'$1','$2','$3','$4','$5','$6','$7','$8'}.
std_obj() -> {a, 1, 2.5, "xy", <<1,2,3>>, [x|y], #{k => v}, {t, 1}}.

select({ms, Spec, Objs}) -> [{Spec, O, run(Spec, O)} || O <- Objs];
select({body, Exprs}) ->
    [begin Spec = [{std_head(), [], [E]}], {Spec, std_obj(), run(Spec, std_obj())} end || E <- Exprs];
select({guard, Exprs}) ->
    [begin Spec = [{std_head(), [G], [yes]}, {'_', [], [no]}],
           {Spec, std_obj(), run(Spec, std_obj())} end || G <- Exprs].

run(Spec, Obj) ->
    case erlang:match_spec_test(Obj, Spec, table) of
        {error, Errs} ->
            {error, [lists:flatten(M) || {_, M} <- Errs]};
        {ok, _, _, _} ->
            case ets:match_spec_run([Obj], ets:match_spec_compile(Spec)) of
                [] -> nomatch;
                [R] -> {match, self_to_atom(R)}
            end
    end.

self_to_atom(P) when P =:= self() -> 'SELF';
self_to_atom(T) when is_tuple(T) -> list_to_tuple(self_to_atom(tuple_to_list(T)));
self_to_atom([H|T]) -> [self_to_atom(H)|self_to_atom(T)];
self_to_atom(M) when is_map(M) -> maps:from_list(self_to_atom(maps:to_list(M)));
self_to_atom(X) -> X.

match({Pat, Objs}) ->
    [{Pat, O, match1(Pat, O)} || O <- Objs].

match1(Pat, Obj) ->
    T = ets:new(t, [bag]),
    true = ets:insert(T, Obj),
    R = case catch ets:match(T, Pat) of
            {'EXIT', _} -> error;
            [] -> nomatch;
            [B] -> [Obj] = ets:match_object(T, Pat), {match, B}
        end,
    ets:delete(T),
    R.

replace({KeyPos, Spec}) ->
    T = ets:new(t, [set, {keypos, KeyPos}]),
    R = case catch ets:select_replace(T, Spec) of
            {'EXIT', {badarg, _}} -> badarg;
            N when is_integer(N) -> ok
        end,
    ets:delete(T),
    {KeyPos, Spec, R}.
