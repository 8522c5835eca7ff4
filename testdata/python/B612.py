# B612: logging_config_insecure_listen
import logging.config
t = logging.config.listen(9999)  # fails
t = logging.config.listen(9999, verify=check_signature)  # ok
