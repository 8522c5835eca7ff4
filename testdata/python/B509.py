# B509: snmp_crypto_check
from pysnmp.hlapi import UsmUserData
auth = UsmUserData("user")  # fails
auth = UsmUserData("user", "authkey")  # fails
auth = UsmUserData("user", "authkey", "privkey")  # ok
