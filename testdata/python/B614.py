# B614: pytorch_load
import torch
model = torch.load("model.pt")  # fails
state = torch.load("model.pt", weights_only=True)  # ok
