//! One reusable read buffer per thread, for code that reads file after file.

use std::cell::Cell;

thread_local! {
    static BUFFER: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// Run `f` with this thread's byte buffer, empty on entry: no allocation and
/// no freshly zeroed pages per file. A buffer that grew past `keep` bytes
/// (one unusually large file) is given back afterwards rather than kept.
/// A nested call gets a fresh buffer of its own.
pub fn with_thread_buffer<T>(keep: usize, f: impl FnOnce(&mut Vec<u8>) -> T) -> T {
    let mut buf = BUFFER.take();
    buf.clear();
    let out = f(&mut buf);
    if buf.capacity() <= keep {
        buf.clear();
        BUFFER.set(buf);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buffer_is_reused_unless_it_grew_too_large() {
        let ptr = with_thread_buffer(1 << 20, |b| {
            b.extend_from_slice(b"first");
            b.as_ptr()
        });
        let again = with_thread_buffer(1 << 20, |b| {
            assert!(b.is_empty());
            b.as_ptr()
        });
        assert_eq!(ptr, again);
        with_thread_buffer(4, |b| b.extend_from_slice(&[0; 64]));
        assert_eq!(with_thread_buffer(4, |b| b.capacity()), 0);
    }
}
