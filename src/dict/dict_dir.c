/* dict_dir.c: the dictionary files of a folder (config file or file names). */
#include "dict/dict_dir.h"

#include <ctype.h>
#include <glob.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = 0;
    return s;
}

static const char *in_dir(dyad_arena *a, const char *dir, const char *name)
{
    return name[0] == '/' ? dyad_arena_strdup(a, name) : dyad_arena_printf(a, "%s/%s", dir, name);
}

static int set_actor_list(dyad_dict_files *f, const char *dir, char *list, dyad_arena *a)
{
    const char **v = dyad_arena_alloc(a, 64 * sizeof *v);
    if (!v)
        return DYAD_ENOMEM;
    int n = 0;
    for (char *tok = strtok(list, ","); tok && n < 64; tok = strtok(NULL, ","))
        if (*trim(tok))
            v[n++] = in_dir(a, dir, trim(tok));
    f->actors = v;
    f->nactors = n;
    return 0;
}

/* Reads the [Dictionaries] keys of a config file; 1 if the file exists. */
static int from_config(dyad_dict_files *f, const char *dir, const char *path, dyad_arena *a)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return 0;
    char line[4096];
    int in_section = 0;
    while (fgets(line, sizeof line, fp)) {
        char *s = trim(line);
        if (*s == '[') {
            in_section = !strncasecmp(s, "[Dictionaries]", 14);
            continue;
        }
        char *eq = strchr(s, '=');
        if (!in_section || !eq || *s == '#' || *s == ';')
            continue;
        *eq = 0;
        char *key = trim(s), *val = trim(eq + 1);
        if (!*val)
            continue;
        if (!strcasecmp(key, "verbfile_name"))
            f->verbs = in_dir(a, dir, val);
        else if (!strcasecmp(key, "actorfile_list"))
            set_actor_list(f, dir, val, a);
        else if (!strcasecmp(key, "agentfile_name"))
            f->agents = in_dir(a, dir, val);
        else if (!strcasecmp(key, "discardfile_name"))
            f->discards = in_dir(a, dir, val);
        else if (!strcasecmp(key, "issuefile_name"))
            f->issues = in_dir(a, dir, val);
        else if (!strcasecmp(key, "nounfile_name")) /* dyad's event nouns */
            f->nouns = in_dir(a, dir, val);
    }
    fclose(fp);
    return 1;
}

/* One file of dir matching pat; NULL if none; *ambiguous set when several. */
static const char *one_match(const char *dir, const char *pat, dyad_arena *a, int *ambiguous)
{
    char *p = dyad_arena_printf(a, "%s/%s", dir, pat);
    glob_t g;
    const char *r = NULL;
    if (p && glob(p, 0, NULL, &g) == 0) {
        if (g.gl_pathc > 1)
            *ambiguous = 1;
        r = dyad_arena_strdup(a, g.gl_pathv[0]);
        globfree(&g);
    }
    return r;
}

static int from_names(dyad_dict_files *f, const char *dir, dyad_arena *a)
{
    int amb = 0;
    f->verbs = one_match(dir, "*[Vv]erbs*.txt", a, &amb);
    if (!f->verbs)
        f->verbs = one_match(dir, "CAMEO*.txt", a, &amb);
    f->agents = one_match(dir, "*[Aa]gents*.txt", a, &amb);
    f->discards = one_match(dir, "*[Dd]iscards*.txt", a, &amb);
    f->issues = one_match(dir, "*[Ii]ssue*.txt", a, &amb);
    if (amb)
        return dyad_set_error(DYAD_EINVAL,
                              "%s: several dictionaries of one kind; name them in %s/dyad.dicts",
                              dir, dir);
    char *p = dyad_arena_printf(a, "%s/*[Aa]ctors*.txt", dir);
    glob_t g;
    if (p && glob(p, 0, NULL, &g) == 0) {
        const char **v = dyad_arena_alloc(a, (g.gl_pathc + 1) * sizeof *v);
        for (size_t i = 0; v && i < g.gl_pathc; i++)
            v[i] = dyad_arena_strdup(a, g.gl_pathv[i]);
        f->actors = v;
        f->nactors = v ? (int)g.gl_pathc : 0;
        globfree(&g);
    }
    return 0;
}

int dyad_dict_files_from_dir(dyad_dict_files *f, const char *dir, dyad_arena *a)
{
    memset(f, 0, sizeof *f);
    const char *cfg = dyad_arena_printf(a, "%s/dyad.dicts", dir);
    const char *petr = dyad_arena_printf(a, "%s/PETR_config.ini", dir);
    if (!cfg || !petr)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (!from_config(f, dir, cfg, a) && !from_config(f, dir, petr, a)) {
        int rc = from_names(f, dir, a);
        if (rc)
            return rc;
    }
    if (!f->verbs && !f->nactors)
        return dyad_set_error(DYAD_ENOTFOUND, "%s: no verb or actor dictionary found", dir);
    return 0;
}

int dyad_dict_load_dir(dyad_dict **out, const char *dir, dyad_diag *d)
{
    *out = NULL;
    dyad_arena *a = dyad_arena_new();
    if (!a)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_dict_files f;
    int rc = dyad_dict_files_from_dir(&f, dir, a);
    if (!rc)
        rc = dyad_dict_load(out, &f, d);
    dyad_arena_free(a);
    return rc;
}
