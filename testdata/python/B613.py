# B613: trojansource
# fails: line 4 holds bidirectional control characters
access_level = "user"
if access_level != "none‮⁦": # Check if admin⁩⁦' and access_level != 'user
    print("You are an admin.")
