#define _XOPEN_SOURCE 700
#include "achyk_fs.h"
#include <ftw.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk) {
    (void)info;
    (void)walk;
    return (flag == FTW_DP || flag == FTW_D) ? rmdir(path) : unlink(path);
}

int achyk_remove_tree(const char *path) {
    return nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
}
