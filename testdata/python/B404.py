# B404: import_subprocess
import subprocess  # fails
from subprocess import run  # fails
import shutil  # ok
