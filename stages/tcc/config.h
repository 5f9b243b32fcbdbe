/* What tcc's configure would write, for every tcc of the tcc stage: an i386
   Linux compiler, all of it in one translation unit (MesCC compiles one
   file), linking statically against the libraries in the -B directory. */
#define TCC_VERSION "0.9.27"
#define TCC_TARGET_I386 1
#define ONE_SOURCE 1
/* no dynamic loader, no shared libraries: nothing here has any */
#define CONFIG_TCC_STATIC 1
/* no backtraces and no bound checking, which need what Mes's C library
   lacks */
#define CONFIG_TCCBOOT 1
/* no threads, so no <semaphore.h> (patch 0003) */
#define CONFIG_TCC_SEMLOCK 0
#define CONFIG_TCCDIR "/usr/lib/tcc"
/* crt*.o, libc.a and libtcc1.a come from the directory given with -B */
#define CONFIG_TCC_CRTPREFIX "{B}"
#define CONFIG_TCC_LIBPATHS "{B}"
#define CONFIG_TCC_SYSINCLUDEPATHS "{B}/include"
