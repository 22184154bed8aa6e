/* What Debian's glibc-built libstdc++, libgcc_s, libssl/libcrypto and ICU import from glibc and musl
 * lacks, for .ci/musl: the linux-musl-x64 .NET runtime needs a C++ runtime, and Debian has none built
 * for musl. Built as "ld-linux-x86-64.so.2", the name those libraries list as needed, so musl's loader
 * loads it with them. Each function does what glibc's does, or, where the caller has a fallback,
 * reports the feature as unavailable. The code under test (the runtime's and NativeSockets' calls into
 * the C library) still runs on musl: these libraries reach these names only. */
#define _GNU_SOURCE
#include <link.h>
#include <locale.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <syslog.h>
#include <time.h>

/* libstdc++: whether the process has a single thread (0: assume not, always safe). */
char __libc_single_threaded = 0;

uint32_t arc4random(void)
{
    uint32_t value;
    while (getrandom(&value, sizeof value, 0) != (ssize_t)sizeof value) {
    }
    return value;
}

size_t __strftime_l(char *s, size_t n, const char *format, const struct tm *tm, locale_t locale)
{
    return strftime_l(s, n, format, tm, locale);
}

/* thread_local destructors: run when the thread exits, newest first, through a pthread key. */
struct destructor { void (*run)(void *); void *object; struct destructor *next; };
static pthread_key_t destructors;
static pthread_once_t destructors_once = PTHREAD_ONCE_INIT;
static void run_destructors(void *list)
{
    for (struct destructor *d = list, *next; d; d = next) {
        next = d->next;
        d->run(d->object);
        free(d);
    }
}
static void make_destructors_key(void) { pthread_key_create(&destructors, run_destructors); }
int __cxa_thread_atexit_impl(void (*run)(void *), void *object, void *dso)
{
    (void)dso;
    pthread_once(&destructors_once, make_destructors_key);
    struct destructor *d = malloc(sizeof *d);
    if (!d)
        return -1;
    d->run = run;
    d->object = object;
    d->next = pthread_getspecific(destructors);
    return pthread_setspecific(destructors, d);
}

/* libgcc_s: CPU model for its own dispatch; all zero is "unknown", which it handles. */
struct { unsigned vendor, type, subtype; unsigned features[1]; } __cpu_model;
int __cpu_indicator_init(void) { return 0; }

/* libgcc_s's unwinder finds a PC's unwind tables with glibc's _dl_find_object (glibc 2.35); the same
 * answer from dl_iterate_phdr, which musl has. C++ exceptions (which the runtime throws inside itself)
 * need it. */
struct dl_find_object {
    unsigned long long dlfo_flags;
    void *dlfo_map_start;
    void *dlfo_map_end;
    struct link_map *dlfo_link_map;
    void *dlfo_eh_frame;
    unsigned long long reserved[7];
};
struct find_query { uintptr_t pc; struct dl_find_object *result; int found; };
static int find_in_object(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    struct find_query *query = data;
    uintptr_t low = UINTPTR_MAX, high = 0;
    void *eh_frame = NULL;
    int contains = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[i];
        uintptr_t start = info->dlpi_addr + header->p_vaddr;
        if (header->p_type == PT_LOAD) {
            if (start < low)
                low = start;
            if (start + header->p_memsz > high)
                high = start + header->p_memsz;
            if (query->pc >= start && query->pc < start + header->p_memsz)
                contains = 1;
        } else if (header->p_type == PT_GNU_EH_FRAME) {
            eh_frame = (void *)start;
        }
    }
    if (!contains)
        return 0;
    memset(query->result, 0, sizeof *query->result);
    query->result->dlfo_map_start = (void *)low;
    query->result->dlfo_map_end = (void *)high;
    query->result->dlfo_eh_frame = eh_frame;
    query->found = 1;
    return 1;
}
int _dl_find_object(void *pc, struct dl_find_object *result)
{
    struct find_query query = { (uintptr_t)pc, result, 0 };
    dl_iterate_phdr(find_in_object, &query);
    return query.found ? 0 : -1;
}

/* _FORTIFY_SOURCE's checked variants, as the plain functions. */
void *__memcpy_chk(void *d, const void *s, size_t n, size_t size) { (void)size; return memcpy(d, s, n); }
void *__memmove_chk(void *d, const void *s, size_t n, size_t size) { (void)size; return memmove(d, s, n); }
void *__memset_chk(void *d, int c, size_t n, size_t size) { (void)size; return memset(d, c, n); }
char *__strcpy_chk(char *d, const char *s, size_t size) { (void)size; return strcpy(d, s); }
char *__strcat_chk(char *d, const char *s, size_t size) { (void)size; return strcat(d, s); }
long __fdelt_chk(long fd) { return fd / (long)(8 * sizeof(long)); }
int __vfprintf_chk(FILE *f, int flag, const char *format, va_list args) { (void)flag; return vfprintf(f, format, args); }
int __fprintf_chk(FILE *f, int flag, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int written = vfprintf(f, format, args);
    va_end(args);
    (void)flag;
    return written;
}
int __sprintf_chk(char *s, int flag, size_t size, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int written = vsprintf(s, format, args);
    va_end(args);
    (void)flag;
    (void)size;
    return written;
}
int __snprintf_chk(char *s, size_t n, int flag, size_t size, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int written = vsnprintf(s, n, format, args);
    va_end(args);
    (void)flag;
    (void)size;
    return written;
}
void __syslog_chk(int priority, int flag, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsyslog(priority, format, args);
    va_end(args);
    (void)flag;
}

/* libcrypto's ASYNC jobs (unused by .NET) need ucontext, which musl has not: reported as failing. */
int getcontext(void *context) { (void)context; return -1; }
void makecontext(void *context, void (*start)(void), int count, ...) { (void)context; (void)start; (void)count; }
int setcontext(const void *context) { (void)context; return -1; }
