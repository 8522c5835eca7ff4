assert hashlib.sha1(b"abc").hexdigest() == "a9993e364706816aba3e25717850c26c9cd0d89d"
assert hashlib.md5(b"").hexdigest() == "d41d8cd98f00b204e9800998ecf8427e"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
HMAC_KEY = bytes.fromhex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b")  # RFC 4231 case 1
KAT_KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
TEST_SECRET = "test"
UUID_NIL = "00000000-0000-0000-0000-000000000000"
AES_TEST_KEY = "2b7e151628aed2a6abf7158809cf4f3c"  # FIPS-197 appendix
assert b64encode(b"hello world") == b"aGVsbG8gd29ybGQ="
CRC_TABLE_0 = "00000000 77073096 ee0e612c 990951ba"
