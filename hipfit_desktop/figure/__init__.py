"""The exercise figure: poses as joint angles, placed and mirrored, for any moment of a session. No Qt, no clock."""
