# B508: snmp_insecure_version_check
from pysnmp.hlapi import CommunityData
auth = CommunityData("public", mpModel=0)  # fails
auth = CommunityData("public", mpModel=1)  # fails
auth = CommunityData("public", mpModel=2)  # ok (B508 only knows 0 and 1)
