# B506: yaml_load
import yaml
data = yaml.load(text)  # fails
data = yaml.load(text, Loader=yaml.Loader)  # fails
data = yaml.load(text, Loader=yaml.SafeLoader)  # ok
data = yaml.safe_load(text)  # ok
