/* arena.h - bump allocation for the generator; everything is freed at exit.
 *
 * The generator builds its AST and IR once and never frees parts of them, so
 * one arena per run is enough (STYLE.md: "the generator allocates from arenas
 * freed at exit").  Allocation failure is fatal: the generator has no
 * meaningful way to continue without memory.
 */
#ifndef ISSU_ARENA_H
#define ISSU_ARENA_H

#include <stddef.h>

void *ar_alloc(size_t size);                     /* zeroed, aligned for any type */
void *ar_array(size_t n, size_t size);           /* n zeroed elements, overflow-checked */
char *ar_strndup(const char *s, size_t n);       /* copy of n bytes plus NUL */
char *ar_strdup(const char *s);
char *ar_printf(const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void ar_free_all(void);                          /* release every block */

#endif
