/* arena.c: bump allocator. Blocks are chained; a large request gets its own block.
 * With DYAD_ARENA_DEBUG every allocation is its own malloc so that memory tools
 * see each one. */
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#define ARENA_BLOCK (64 * 1024)

typedef struct block {
    struct block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} block;

struct dyad_arena {
    block *head;
    size_t total;
};

dyad_arena *dyad_arena_new(void) { return calloc(1, sizeof(dyad_arena)); }

static void free_blocks(block *b)
{
    while (b) {
        block *n = b->next;
        free(b);
        b = n;
    }
}

void dyad_arena_free(dyad_arena *a)
{
    if (!a)
        return;
    free_blocks(a->head);
    free(a);
}

/* Keeps one ordinary block for reuse, so that a per-record reset does not
 * return memory to malloc every time. */
void dyad_arena_reset(dyad_arena *a)
{
    if (!a)
        return;
#ifndef DYAD_ARENA_DEBUG
    block *keep = NULL, *b = a->head;
    while (b) {
        block *n = b->next;
        if (!keep && b->size == ARENA_BLOCK) {
            keep = b;
            keep->next = NULL;
            keep->used = 0;
        } else {
            free(b);
        }
        b = n;
    }
    a->head = keep;
#else
    free_blocks(a->head);
    a->head = NULL;
#endif
    a->total = 0;
}

static block *new_block(size_t size)
{
    block *b = malloc(sizeof(block) + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void *dyad_arena_alloc(dyad_arena *a, size_t n)
{
    if (!a)
        return NULL;
    if (n == 0)
        n = 1;
    n = (n + 15) & ~(size_t)15;
#ifdef DYAD_ARENA_DEBUG
    block *b = new_block(n);
    if (!b)
        return NULL;
    b->used = n;
    b->next = a->head;
    a->head = b;
    a->total += n;
    memset(b->data, 0, n);
    return b->data;
#else
    block *b = a->head;
    if (!b || b->size - b->used < n) {
        if (n > ARENA_BLOCK / 4) {
            /* big request: own block, kept behind the current head */
            block *big = new_block(n);
            if (!big)
                return NULL;
            big->used = n;
            if (b) {
                big->next = b->next;
                b->next = big;
            } else {
                a->head = big;
            }
            a->total += n;
            memset(big->data, 0, n);
            return big->data;
        }
        b = new_block(ARENA_BLOCK);
        if (!b)
            return NULL;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
#endif
}

char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n)
{
    char *p = dyad_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *dyad_arena_strdup(dyad_arena *a, const char *s)
{
    return dyad_arena_strndup(a, s, strlen(s));
}

char *dyad_arena_printf(dyad_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = dyad_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t dyad_arena_used(const dyad_arena *a) { return a ? a->total : 0; }
