/* dict_dir.h: find the dictionary files of a folder.
 *
 * A folder names its dictionaries in one of two ways:
 *  1. a PETRARCH config file PETR_config.ini with a [Dictionaries] section
 *     (verbfile_name, actorfile_list, agentfile_name, discardfile_name,
 *     issuefile_name), or dyad's own dyad.dicts in the same key = value form;
 *  2. otherwise by file name: one *verbs*.txt (or CAMEO*.txt), every *actors*.txt
 *     (in name order), one *agents*.txt, *discards*.txt and *issue*.txt.
 *     Two candidates for a single-file role is an error (name a config file).
 */
#ifndef DYAD_DICT_DIR_H
#define DYAD_DICT_DIR_H

#include "dict/dict.h"

/* Fills *f with paths (allocated from a) for the dictionaries in dir.
 * Returns 0, DYAD_ENOTFOUND (no verb or actor file found), DYAD_EINVAL
 * (ambiguous names) or DYAD_ENOMEM, with the message set. */
int dyad_dict_files_from_dir(dyad_dict_files *f, const char *dir, dyad_arena *a);

/* dyad_dict_load_dir is public: see dyad.h. */

#endif
