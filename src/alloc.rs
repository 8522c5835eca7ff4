//! One fast allocator for the whole process: Rust's heap and tree-sitter's C
//! heap. Parsing allocates and frees every syntax node, and glibc's malloc
//! spent an eighth of a Python scan's CPU doing it; mimalloc takes a third
//! of that.

use std::ffi::c_void;

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
