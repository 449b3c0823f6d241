// Package ets is Erlang Term Storage, as OTP 25 has it: tables of tuples
// owned by a process, shared by the processes of a node.
//
// A table is a set (one object per key), an ordered_set (one object per
// key, kept in Erlang's term order of the keys), a bag (distinct objects
// per key) or a duplicate_bag (any objects per key). Its key is the
// element at its key position (Keypos, 1 by default). Access is public
// (every process reads and writes), protected (every process reads, the
// owner writes; the default) or private (the owner only). The owner is the
// process that made it; when the owner ends, the table goes to its heir
// (Heir), which receives {'ETS-TRANSFER', Tab, FromPid, HeirData}, or is
// deleted, before anybody learns of the owner's death from a link or a
// monitor. GiveAway hands a table over while the owner lives.
//
//	tab, err := ets.New(p, "prices", ets.OrderedSet, ets.Public)
//	err = ets.Insert(p, tab, term.Tuple{term.Atom("apple"), 3})
//	objs, err := ets.Lookup(p, tab, term.Atom("apple")) // [{apple,3}]
//
// Every function takes the calling process, for access rights, and the
// table, a Tab: the name of a named table or the reference New returns
// (Named and TabOf make one from an Erlang identifier). Objects are
// term.Tuple values, stored as given: they must not be modified after
// they are inserted, and the slices the functions return must not be
// modified either.
//
// Keys of set, bag and duplicate_bag tables compare with exact equality
// (=:=), so 1 and 1.0 are two keys; keys of an ordered_set compare with
// ==, so they are one. Match patterns and match specifications (Match,
// Select, ...) are those of ets:match/2 and ets:select/2.
//
// # Errors
//
// Where OTP fails with error badarg the Go functions return an *Error,
// which wraps term.ErrBadarg and carries OTP 25's cause and explanation
// ("the table identifier does not refer to an existing ETS table"). The
// Erlang module that Module returns and Load loads raises badarg with the
// same error_info, so the shell explains it as erl does.
//
// # Concurrency
//
// Every function may be called by many processes at once; each call is
// atomic, and Insert of several objects is one atomic step. A table has
// a readers-writer lock. With read_concurrency it has several, one of
// which a reader takes, so that readers on many cores do not contend; a
// writer then takes them all. With write_concurrency a set, bag or
// duplicate_bag is split into 16 shards, each with its own lock, so that
// writers of different keys do not wait for each other.
//
// # Where this package differs from OTP
//
//   - Objects are not copied into the table: the table keeps the tuple it
//     was given, and returns it (terms are values here; see package term).
//   - The order of a set, bag or duplicate_bag is that of its hash table,
//     as in OTP, but not OTP's: the same keys come out in another order.
//     Deleting a key never moves the others, but an insert of a new key
//     that makes the table grow (or clears out the slots of deleted keys)
//     reorders it, fixed or not: SafeFixtable makes Next of a deleted key
//     work, as in OTP, but does not keep inserts from reordering the table,
//     so a traversal of a fixed table that inserts may see a key twice or
//     miss one. While a table is fixed, Next also works for a key deleted
//     before it was fixed, which OTP refuses (badarg) unless the deletion
//     was itself made during a fixation.
//   - Select, match and match_object with a limit compute every result at
//     the first call; the Continuation holds those not yet returned, so
//     later changes to the table do not show in later chunks. As a term it
//     is {'$ets_continuation', Tab, Limit, Rest}, not OTP's.
//   - Foldl and Foldr fold over a snapshot of the table taken when they
//     start, where OTP's walk the fixed table with first/next (last/prev),
//     so changes made during the fold do not show in it. A bad table or
//     fun fails as in OTP (in ets:safe_fixtable/2, or function_clause in
//     lists:foldl/3), but the stack names ets:foldl/3, not ets:do_foldl/4.
//   - memory in Info is an estimate in words, from OTP 25's size of an
//     empty table plus the objects' flat sizes and a per-object overhead;
//     it is not OTP's exact figure.
//   - compressed and decentralized_counters are accepted and reported, and
//     change nothing; write_concurrency on an ordered_set is accepted and
//     reported, and the table keeps one lock; {write_concurrency, auto} is
//     reported as auto and is write_concurrency true for a hash table.
//   - info(Tab, stats) has OTP's form, counting a slot of the hash table as
//     a bucket and a key's objects as its chain; info(Tab, binary) is [].
//   - Keys and objects nested deeper than term.MaxDepth cannot be compared
//     or hashed: an insert, lookup or match of one fails with error
//     system_limit, where OTP handles any depth.
//   - lookup_element/4, ets:setopts/2, ets:slot/2, select_replace/2,
//     the file functions (tab2file, file2tab), ets:i/1, and the
//     match_spec_compile/run functions are not provided. ets:fun2ms/1 is
//     not a function of this package: as in Erlang it transforms a fun's
//     source, which the shell does (package shell); Go code writes the
//     match specification itself.
package ets
