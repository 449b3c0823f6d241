%% An application resource file, as chapter 9 writes one.
{application, bsc,
 [{description, "Base Station Controller"},
  {vsn, "1.0"},
  {modules, [bsc, bsc_sup, frequency, freq_overload, logger,
             simple_phone_sup, phone_fsm]},
  {registered, [bsc_sup, frequency, freq_overload, simple_phone_sup]},
  {applications, [kernel, stdlib, sasl]},
  {env, [{freqs, [10, 11, 12, 13, 14, 15]}, {timeout, 5000}]},
  {mod, {bsc, []}}]}.
