"""Forward kinematics: each joint angle turns its segment the way docs/DATA_FORMAT.md says, in each view."""

from __future__ import annotations

import pytest

from hipfit_desktop.figure.skeleton import HEAD_RADIUS, LENGTHS, LIMB_WIDTH, Pose, Prop, forward_kinematics

SIDE = LENGTHS["side"]
STAND = {"trunk": 0, "head": 0, "pelvis": 0, "left_hip": 0, "left_knee": 0, "left_ankle": 90, "right_hip": 0,
         "right_knee": 0, "right_ankle": 90, "left_shoulder": 0, "left_elbow": 0, "right_shoulder": 0,
         "right_elbow": 0}
TRUNK, NECK, THIGH, SHIN, FOOT = SIDE["trunk"], SIDE["neck"], SIDE["thigh"], SIDE["shin"], SIDE["foot"]
UPPER, FORE = SIDE["upper_arm"], SIDE["forearm"]


def at(view, **angles):
    return forward_kinematics(view, {**STAND, **angles}).points


def close(point, expected):
    assert point == pytest.approx(expected, abs=1e-9)


def test_standing_side_on_everything_hangs_straight_down_from_the_hip_at_the_origin():
    p = at("side")
    close(p["hip"], (0, 0))
    close(p["neck"], (0, TRUNK))
    close(p["head"], (0, TRUNK + NECK))
    for side in ("left", "right"):
        close(p[f"{side}_knee"], (0, -THIGH))
        close(p[f"{side}_ankle"], (0, -THIGH - SHIN))
        close(p[f"{side}_toe"], (FOOT, -THIGH - SHIN))  # the foot points the way the figure faces
        close(p[f"{side}_shoulder"], (0, TRUNK))
        close(p[f"{side}_hand"], (0, TRUNK - UPPER - FORE))


def test_side_view_angles_turn_forward_for_flexion_and_back_for_the_knee():
    close(at("side", trunk=90)["neck"], (TRUNK, 0))
    close(at("side", head=90)["head"], (NECK, TRUNK))
    close(at("side", left_hip=90)["left_knee"], (THIGH, 0))
    close(at("side", left_knee=90)["left_ankle"], (-SHIN, -THIGH))
    close(at("side", left_ankle=180)["left_toe"], (0, -THIGH - SHIN - FOOT))  # toes pointed
    close(at("side", left_shoulder=90)["left_elbow"], (UPPER, TRUNK))
    close(at("side", left_elbow=90)["left_hand"], (FORE, TRUNK - UPPER))
    close(at("side", trunk=90, left_hip=90)["left_knee"], (0, -THIGH))  # the hip is measured from the trunk
    close(at("side", right_hip=90)["left_knee"], (0, -THIGH))  # one leg does not move the other


def test_front_view_spreads_hips_and_shoulders_and_moves_limbs_away_from_the_midline():
    p = at("front")
    half_hip, half_shoulder = 9.0, 18.0
    close(p["left_hip"], (half_hip, 0))
    close(p["right_hip"], (-half_hip, 0))
    close(p["left_shoulder"], (half_shoulder, TRUNK))
    close(p["right_shoulder"], (-half_shoulder, TRUNK))
    close(p["left_toe"], (half_hip + LENGTHS["front"]["foot"], -THIGH - SHIN))
    close(at("front", left_hip=90)["left_knee"], (half_hip + THIGH, 0))
    close(at("front", right_hip=90)["right_knee"], (-half_hip - THIGH, 0))
    close(at("front", left_hip=90, left_knee=90)["left_ankle"], (half_hip + THIGH, -SHIN))
    close(at("front", right_hip=90, right_knee=90)["right_ankle"], (-half_hip - THIGH, -SHIN))
    close(at("front", left_shoulder=90)["left_elbow"], (half_shoulder + UPPER, TRUNK))
    close(at("front", right_shoulder=90)["right_elbow"], (-half_shoulder - UPPER, TRUNK))
    close(at("front", left_elbow=90)["left_hand"], (half_shoulder - FORE, TRUNK - UPPER))  # toward the midline
    close(at("front", right_elbow=90)["right_hand"], (-half_shoulder + FORE, TRUNK - UPPER))
    close(at("front", trunk=90)["left_shoulder"], (TRUNK, -half_shoulder))


def test_a_pelvis_tilt_raises_one_hip_and_keeps_the_legs_square_to_the_pelvis():
    p = at("front", pelvis=90)
    close(p["left_hip"], (0, 9))
    close(p["right_hip"], (0, -9))
    close(p["left_knee"], (THIGH, 9))


def test_seen_from_behind_left_is_on_the_left_and_the_back_and_shins_are_short():
    p = at("back", left_hip=90)
    back = LENGTHS["back"]
    close(p["left_hip"], (-9, 0))
    close(p["left_knee"], (-9 - THIGH, 0))
    close(p["neck"], (0, back["trunk"]))
    close(p["head"], (0, back["trunk"] + back["neck"]))
    assert p["right_ankle"] == p["right_knee"] and p["right_toe"] == p["right_ankle"]


def test_a_pose_moves_with_its_props_and_mirrors_them():
    pose = Pose("front", {"head": (1.0, 2.0), "left_knee": (3.0, 4.0)}, "left", (Prop("band", ((5.0, 6.0),)),))
    moved = pose.moved(10, 20)
    assert moved == Pose("front", {"head": (11.0, 22.0), "left_knee": (13.0, 24.0)}, "left",
                         (Prop("band", ((15.0, 26.0),)),))
    assert pose.mirrored() == Pose("front", {"head": (-1.0, 2.0), "right_knee": (-3.0, 4.0)}, "right",
                                   (Prop("band", ((-5.0, 6.0),)),))


def test_bounds_take_in_the_head_the_limb_thickness_and_the_props():
    edge = LIMB_WIDTH / 2
    pose = Pose("side", {"head": (0.0, 100.0), "hip": (0.0, 0.0), "left_toe": (30.0, -50.0)})
    assert pose.bounds() == (-HEAD_RADIUS, -50 - edge, 30 + edge, 100 + HEAD_RADIUS)
    with_prop = Pose("side", pose.points, props=(Prop("wall", ((-40.0, -60.0), (200.0, 150.0))),))
    assert with_prop.bounds() == (-40 - edge, -60 - edge, 200 + edge, 150 + edge)


def test_the_head_counts_with_its_radius_on_every_side():
    head_only = Pose("side", {"head": (0.0, 100.0), "hip": (0.0, 95.0)})
    assert head_only.bounds() == (-HEAD_RADIUS, 100 - HEAD_RADIUS, HEAD_RADIUS, 100 + HEAD_RADIUS)
