"""What the user chose: the versioned settings model, its file and its migrations."""
