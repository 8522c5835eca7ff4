# B104: hardcoded_bind_all_interfaces
def serve(app):
    app.run(host="0.0.0.0")  # fails
    app.run(host="127.0.0.1")  # ok
"0.0.0.0"  # ok: an expression statement is skipped
