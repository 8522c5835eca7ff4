# B307: eval
value = eval(user_input)  # fails
import ast
value = ast.literal_eval(user_input)  # ok
