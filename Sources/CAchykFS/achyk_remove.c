#define _XOPEN_SOURCE 700
#include "achyk_fs.h"
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static _Thread_local int failures;  /* per thread: tests run builds side by side */
static _Thread_local int first_error;

/* A read-only folder of the old site (made so by its owner, or by a copy from read-only media) would keep its
   files: each folder is made writable by its owner first, as `rm -rf` does. Links are never followed. */
static int make_writable(const char *path, const struct stat *info, int flag, struct FTW *walk) {
    (void)walk;
    if (flag == FTW_D && (info->st_mode & S_IRWXU) != S_IRWXU) {
        chmod(path, (info->st_mode & 07777) | S_IRWXU);
    }
    return 0;
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk) {
    (void)info;
    (void)walk;
    int result = (flag == FTW_DP || flag == FTW_D || flag == FTW_DNR) ? rmdir(path) : unlink(path);
    if (result != 0 && errno != ENOENT) {
        if (failures == 0) first_error = errno;
        failures += 1;
    }
    return 0;  /* go on: remove all that can be removed */
}

int achyk_remove_tree(const char *path) {
    failures = 0;
    first_error = 0;
    nftw(path, make_writable, 32, FTW_PHYS);
    if (nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT) return -1;
    if (failures > 0) {
        errno = first_error;
        return -1;
    }
    return 0;
}
