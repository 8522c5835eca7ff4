# B608: hardcoded_sql_expressions
cur.execute("SELECT * FROM users WHERE name = '%s'" % name)  # fails, MEDIUM confidence
query = "DELETE FROM items WHERE id = " + item_id  # fails, LOW confidence
query = "UPDATE t SET a = {}".format(value)  # fails
query = f"SELECT * FROM t WHERE id = {ident}"  # fails
cur.execute("SELECT * FROM users WHERE name = %s", (name,))  # ok: parameters
message = "please select a file from the list"  # ok: not combined with anything
