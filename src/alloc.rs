//! One fast allocator for the whole process: Rust's heap and tree-sitter's C
//! heap. Parsing allocates and frees every syntax node, and glibc's malloc
//! spent an eighth of a Python scan's CPU doing it; mimalloc takes a third
//! of that.

use std::ffi::{c_int, c_long, c_void};

// mimalloc's options by their place in `mi_option_t` (mimalloc.h of the v3
// that libmimalloc-sys builds by default). libmimalloc-sys names only a few
// of them; a unit test checks these two against their defaults.
const MI_OPTION_PURGE_DELAY: c_int = 15;
const MI_OPTION_ALLOW_THP: c_int = 43;

/// How long mimalloc keeps freed memory before returning it to the OS.
const PURGE_DELAY_MS: c_long = 10;

extern "C" {
    fn mi_option_set(option: c_int, value: c_long);
    #[cfg(test)]
    fn mi_option_get(option: c_int) -> c_long;
}

/// Keep mimalloc's peak memory near glibc's. Call first thing in `main`.
///
/// - Transparent huge pages off for the process: mimalloc asks for them on
///   its arenas (`MADV_HUGEPAGE`), and where THP is in `madvise` mode (the
///   usual default) every 2 MiB region touched becomes resident whole. That
///   alone put the secrets bench at 154–178 MB peak RSS against glibc's
///   85–87. mimalloc's own switch (`allow_thp`) is read before `main` runs,
///   after its first arena is mapped, so the process-wide `prctl` does it.
/// - Freed memory goes back to the OS after 10 ms (`purge_delay`, v2's
///   default), not v3's 1 s: rayon workers free whole file buffers and
///   syntax trees, and the long delay kept 50–90 MB more resident on a
///   Python scan. 0 ms saves another ~12 MB there for a fifth more page
///   faults.
///
/// Both cost page faults (4 KiB pages, faulted again after a purge): about
/// 115k instead of 15k on the held-out Python corpus, ~2 % of its CPU.
pub fn configure() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes one integer flag and touches no memory
    // of ours; on a kernel without it the call fails and nothing changes.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    // SAFETY: setting an option is a store into mimalloc's option table,
    // allowed at any time.
    unsafe {
        mi_option_set(MI_OPTION_ALLOW_THP, 0);
        mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
    }
}

/// Route tree-sitter's C allocations through mimalloc (the binary's global
/// allocator too). Call once, first thing in `main`, before any parser exists.
pub fn install_for_tree_sitter() {
    let allocator = tree_sitter::Allocator {
        malloc: ts_malloc,
        calloc: ts_calloc,
        realloc: ts_realloc,
        free: ts_free,
    };
    // SAFETY: called before any tree-sitter object exists (the first thing
    // `main` does, on the main thread, before any other thread starts); the
    // four functions are one allocator family (mimalloc), never return null
    // for a non-zero size (they abort instead, as tree-sitter's own do), and
    // mimalloc aligns like malloc.
    unsafe { tree_sitter::set_allocator(Some(allocator)) };
}

fn non_null(p: *mut c_void, size: usize) -> *mut c_void {
    if p.is_null() && size > 0 {
        // tree-sitter's default allocator aborts on failure too.
        std::process::abort();
    }
    p
}

unsafe extern "C" fn ts_malloc(size: usize) -> *mut c_void {
    // SAFETY: plain allocation.
    non_null(unsafe { libmimalloc_sys::mi_malloc(size) }, size)
}

unsafe extern "C" fn ts_calloc(count: usize, size: usize) -> *mut c_void {
    let Some(bytes) = count.checked_mul(size) else {
        std::process::abort();
    };
    // SAFETY: plain (zeroed) allocation.
    non_null(unsafe { libmimalloc_sys::mi_zalloc(bytes) }, bytes)
}

unsafe extern "C" fn ts_realloc(p: *mut c_void, size: usize) -> *mut c_void {
    // SAFETY: `p` came from these functions (tree-sitter frees and grows
    // only what its own allocator gave it).
    non_null(unsafe { libmimalloc_sys::mi_realloc(p, size) }, size)
}

unsafe extern "C" fn ts_free(p: *mut c_void) {
    // SAFETY: as for `ts_realloc`.
    unsafe { libmimalloc_sys::mi_free(p) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_numbers_are_mimallocs() {
        // The test binary does not call `configure`: these are mimalloc
        // v3's defaults (purge_delay 1000 ms, allow_thp 1), unless the
        // environment sets them.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, 1000);
        }
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
            assert_eq!(unsafe { mi_option_get(MI_OPTION_ALLOW_THP) }, 1);
        }
        // Many options default to 1; two places after allow_thp comes the
        // only one that defaults to 2 GiB (in KiB): the numbering holds there.
        #[cfg(target_pointer_width = "64")]
        if std::env::var_os("MIMALLOC_ARENA_MAX_OBJECT_SIZE").is_none() {
            assert_eq!(
                unsafe { mi_option_get(MI_OPTION_ALLOW_THP + 2) },
                2 * 1024 * 1024
            );
        }
    }
}
