#ifndef ACHYK_FS_H
#define ACHYK_FS_H

/// Swaps two paths in one step with renameat2(RENAME_EXCHANGE).
/// Returns 0 on success, else -1 with errno set (EINVAL or ENOSYS where the file system or kernel refuses).
int achyk_exchange_paths(const char *first, const char *second);

#endif
