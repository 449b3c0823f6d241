#!/usr/bin/env escript
%% Records in calls.golden what Erlang/OTP 25 does for each call of
%% calls.txt: its value, or its exception, and the exception as the shell
%% prints it, and what it printed. Run from this directory:
%%
%%     escript gen.escript
%%
%% Each entry of calls.txt is {Module, Function, Args}, or a list of them
%% made in turn by one process, of which the last is recorded. In Args,
%% '$self' stands for the calling process and '$dead' for a process that
%% has ended. Each entry runs in a process of its own, whose output is
%% captured.
-module(stdlib_calls_gen).
-mode(compile).
-export([main/1]).

main(_) ->
    {ok, Cases} = file:consult("calls.txt"),
    Out = [run(C) || C <- Cases],
    ok = file:write_file("calls.golden", unicode:characters_to_binary(Out)).

run(Case) ->
    Calls = if is_list(Case) -> Case; true -> [Case] end,
    Dead = dead(),
    Parent = self(),
    Capture = spawn(fun() -> capture([]) end),
    {Pid, Ref} = spawn_monitor(fun() ->
        group_leader(Capture, self()),
        Parent ! {self(), call_all(Calls, Dead)}
    end),
    Result = receive
                 {Pid, R} -> receive {'DOWN', Ref, _, _, _} -> R end;
                 {'DOWN', Ref, _, _, Why} -> io_lib:format("=> crash ~w~n", [Why])
             end,
    Capture ! {get, self()},
    Printed = receive {printed, P} -> P end,
    [describe(lists:last(Calls)), $\n, Result,
     case Printed of
         [] -> [];
         _ -> io_lib:format("output ~w~n", [Printed])
     end, $\n].

call_all([{M, F, A}], Dead) ->
    call(M, F, subst(A, Dead));
call_all([{M, F, A} | More], Dead) ->
    call(M, F, subst(A, Dead)),
    call_all(More, Dead).

call(M, F, A) ->
    try apply(M, F, A) of
        V -> io_lib:format("=> {value,~w}~n", [V])
    catch
        C:R:S ->
            io_lib:format("=> {~w,~w}~n~ts~n", [C, R, format(C, R, S)])
    end.

format(C, R, S) ->
    SF = fun(M, _, _) -> lists:member(M, [?MODULE, erl_eval, shell, escript]) end,
    PF = fun(T, I) ->
                 io_lib_pretty:print(T, [{column, I}, {line_length, 80},
                                         {depth, 30}, {line_max_chars, 60},
                                         {strings, true}, {encoding, unicode}])
         end,
    ["** ", erl_error:format_exception(4, C, R, S, SF, PF, unicode)].

describe({M, F, A}) ->
    io_lib:format("~w:~w(~ts)", [M, F, lists:join(",", [io_lib:format("~w", [X]) || X <- A])]).

subst('$self', _) -> self();
subst('$dead', Dead) -> Dead;
subst([H|T], D) -> [subst(H, D)|subst(T, D)];
subst(T, D) when is_tuple(T) -> list_to_tuple(subst(tuple_to_list(T), D));
subst(X, _) -> X.

dead() ->
    {Pid, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, _, _, _} -> Pid end.

%% capture is an io server that keeps what is written to it.
capture(Acc) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            try chars(Req) of
                Chars ->
                    From ! {io_reply, ReplyAs, ok},
                    capture([Acc | Chars])
            catch _:_ ->
                    From ! {io_reply, ReplyAs, {error, format}},
                    capture(Acc)
            end;
        {get, From} ->
            From ! {printed, unicode:characters_to_list(Acc)}
    end.

chars({put_chars, unicode, Chars}) ->
    case unicode:characters_to_list(Chars) of
        L when is_list(L) -> L
    end;
chars({put_chars, latin1, Chars}) -> unicode:characters_to_list(iolist_to_binary(Chars), latin1);
chars({put_chars, Enc, M, F, A}) -> chars({put_chars, Enc, apply(M, F, A)});
chars(_) -> [].
