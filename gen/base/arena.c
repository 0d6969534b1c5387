/* arena.c - the generator's bump allocator (see arena.h). */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AR_BLOCK_SIZE ((size_t)1 << 16)  /* default block payload */
#define AR_ALIGN ((size_t)16)

typedef struct ar_block {
    struct ar_block *next;               /* older block */
    size_t used;                         /* bytes handed out */
    size_t cap;                          /* payload size */
} ar_block;

/* The payload starts after the header, rounded up to the alignment (C99 has
 * no _Alignas; malloc's result is aligned for any type). */
#define AR_HDR ((sizeof(ar_block) + AR_ALIGN - 1) & ~(AR_ALIGN - 1))

static ar_block *ar_head;

static void ar_oom(void)
{
    fputs("issu-gen: fatal: out of memory\n", stderr);
    exit(2);
}

void *ar_alloc(size_t size)
{
    size = (size + AR_ALIGN - 1) & ~(AR_ALIGN - 1);
    if (size == 0)
        size = AR_ALIGN;
    if (!ar_head || ar_head->cap - ar_head->used < size) {
        size_t cap = size > AR_BLOCK_SIZE ? size : AR_BLOCK_SIZE;
        ar_block *b = malloc(AR_HDR + cap);
        if (!b)
            ar_oom();
        b->next = ar_head;
        b->used = 0;
        b->cap = cap;
        ar_head = b;
    }
    void *p = (unsigned char *)ar_head + AR_HDR + ar_head->used;
    ar_head->used += size;
    memset(p, 0, size);
    return p;
}

void *ar_array(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size / 2)
        ar_oom();
    return ar_alloc(n * size);
}

char *ar_strndup(const char *s, size_t n)
{
    char *p = ar_alloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ar_strdup(const char *s)
{
    return ar_strndup(s, strlen(s));
}

char *ar_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        ar_oom();
    char *p = ar_alloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void ar_free_all(void)
{
    while (ar_head) {
        ar_block *b = ar_head;
        ar_head = b->next;
        free(b);
    }
}
