# B312: telnetlib
import telnetlib
tn = telnetlib.Telnet("host")  # fails (B401 flags the import)
