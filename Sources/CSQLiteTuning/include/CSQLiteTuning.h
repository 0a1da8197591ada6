#ifndef CSQLITETUNING_H
#define CSQLITETUNING_H

/// Turns off SQLite's memory statistics, process-wide.
///
/// With statistics on (Debian's default), every allocation SQLite makes takes a global mutex
/// to count bytes; a bulk import allocates for every row, and the mutex was 5 % of the SQLite
/// thread's time. skm never reads those statistics. `sqlite3_config` is variadic, which Swift
/// cannot call, hence this C shim. Effective only before SQLite's first use in the process;
/// returns SQLite's result code (SQLITE_MISUSE when it was too late, which is harmless).
int skm_sqlite_disable_memstatus(void);

#endif
