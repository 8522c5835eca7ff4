# B202: tarfile_unsafe_members
import tarfile
with tarfile.open("a.tar") as tar:
    tar.extractall("dest")  # fails, HIGH
    tar.extractall("dest", members=pick(tar))  # fails, LOW
    tar.extractall("dest", members=names)  # fails, MEDIUM
    tar.extractall("dest", filter="data")  # ok
