# B615: huggingface_unsafe_download
from transformers import AutoModel
model = AutoModel.from_pretrained("org/model")  # fails
model = AutoModel.from_pretrained("org/model", revision="5d0f2e8a7f1b")  # ok: pinned
model = AutoModel.from_pretrained("./local-model")  # ok: local path
