/* model_mem.c: huge-page memory for model images (see model_mem.h). */
#include "parse/model_mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad.h"
#include "util/util.h"

#define HUGE ((size_t)2 << 20)

static size_t huge_len(size_t len) { return (len + HUGE - 1) & ~(HUGE - 1); }

void *dyad_model_mem_alloc(size_t len)
{
    if (!len || len > SIZE_MAX - 2 * HUGE)
        return NULL;
    size_t n = huge_len(len);
    /* one extra huge page of address space, trimmed so the block starts aligned */
    unsigned char *p = mmap(NULL, n + HUGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    uintptr_t a = ((uintptr_t)p + HUGE - 1) & ~(uintptr_t)(HUGE - 1);
    size_t head = (size_t)(a - (uintptr_t)p);
    if (head)
        munmap(p, head);
    munmap((unsigned char *)a + n, HUGE - head);
#ifdef MADV_HUGEPAGE
    madvise((void *)a, n, MADV_HUGEPAGE);
#endif
    return (void *)a;
}

void dyad_model_mem_free(void *p, size_t len)
{
    if (p)
        munmap(p, huge_len(len ? len : 1));
}

int dyad_model_mem_read(const char *path, const char *what, size_t min, size_t max, void **out,
                        size_t *len)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return dyad_set_error(DYAD_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > (uint64_t)max) {
        close(fd);
        return dyad_set_error(DYAD_EIO, "%s: not a regular file of a sane size", path);
    }
    size_t n = (size_t)st.st_size;
    if (n < min || !n) {
        close(fd);
        return dyad_set_error(DYAD_EPARSE, "%s: not a valid %s: too short", path, what);
    }
    unsigned char *buf = dyad_model_mem_alloc(n);
    if (!buf) {
        close(fd);
        return dyad_set_error(DYAD_ENOMEM, "%s: out of memory", path);
    }
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            int e = r < 0 ? errno : 0;
            close(fd);
            dyad_model_mem_free(buf, n);
            return dyad_set_error(DYAD_EIO, "%s: cannot read: %s", path,
                                  e ? strerror(e) : "the file shrank while being read");
        }
        got += (size_t)r;
    }
    close(fd);
    *out = buf;
    *len = n;
    return 0;
}
