# B201: flask_debug_true
from flask import Flask
app = Flask(__name__)
app.run(
    host="127.0.0.1",
    debug=True,  # fails, on this line
)
app.run(debug=False)  # ok
