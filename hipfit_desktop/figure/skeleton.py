"""A 2-D stick figure from joint angles: fixed segment lengths, forward kinematics, mirroring.

Coordinates are centimetres of a 175 cm person, y up, the floor at y = 0. Angles are degrees measured
clockwise from straight up. A side view faces +x, so the body's left side is the near one; a front view
faces the viewer, so the body's left is on +x. Poses are authored for the left side (or both) and
mirrored for the right: x flips and every left/right name swaps.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

# Segment lengths (cm). Fixed here, not in the data: a figure file can bend joints, never stretch a bone.
HEAD_RADIUS = 11.0
HIP_WIDTH = 18.0  # between the hip joints, seen from the front or back
SHOULDER_WIDTH = 36.0
_SIDE = {"trunk": 52.0, "neck": 9.0 + HEAD_RADIUS, "thigh": 44.0, "shin": 43.0, "foot": 21.0,
         "upper_arm": 30.0, "forearm": 29.0}
# Seen from the front, a foot points at the viewer. Seen from behind on hands and knees, so do the back, the
# shins and the feet: each is drawn at the length it shows, the same in every frame.
LENGTHS: dict[str, dict[str, float]] = {
    "side": _SIDE,
    "front": {**_SIDE, "foot": 8.0},
    "back": {**_SIDE, "trunk": 14.0, "neck": 14.0, "shin": 0.0, "foot": 0.0},
}
VIEWS = tuple(LENGTHS)
SIDES = ("left", "right")
JOINTS = (
    "trunk", "head", "pelvis",
    "left_hip", "left_knee", "left_ankle", "right_hip", "right_knee", "right_ankle",
    "left_shoulder", "left_elbow", "right_shoulder", "right_elbow",
)
# (from, to, segment): what is drawn as a line, and what must never change length.
BONES: tuple[tuple[str, str, str], ...] = (
    ("hip", "neck", "trunk"),
    ("neck", "head", "neck"),
    *((f"{s}_hip", f"{s}_knee", "thigh") for s in SIDES),
    *((f"{s}_knee", f"{s}_ankle", "shin") for s in SIDES),
    *((f"{s}_ankle", f"{s}_toe", "foot") for s in SIDES),
    *((f"{s}_shoulder", f"{s}_elbow", "upper_arm") for s in SIDES),
    *((f"{s}_elbow", f"{s}_hand", "forearm") for s in SIDES),
)
POINTS = ("hip", "neck", "head", *(f"{s}_{p}" for s in SIDES
                                   for p in ("hip", "knee", "ankle", "toe", "shoulder", "elbow", "hand")))
LIMB_WIDTH = 8.0  # how thick a limb is drawn (cm): the figure rests on the floor by its edge, not its centre line

Point = tuple[float, float]


@dataclass(frozen=True)
class Prop:
    """Something drawn with the figure. `points` by kind: floor (left, right), mat / box / wall (two corners),
    band (the two points it joins), cuff (the two ends of a band's loop across a limb), weight (its centre)."""

    kind: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Pose:
    """Where every point of the figure is in one frame, and its props. `near` is the side drawn in front."""

    view: str
    points: Mapping[str, Point]
    near: str = "left"
    props: tuple[Prop, ...] = ()

    def moved(self, dx: float, dy: float) -> Pose:
        return Pose(self.view, {k: (x + dx, y + dy) for k, (x, y) in self.points.items()}, self.near,
                    tuple(Prop(p.kind, tuple((x + dx, y + dy) for x, y in p.points)) for p in self.props))

    def mirrored(self) -> Pose:
        """The same pose done on the other side: x flips and left and right swap names."""
        return Pose(self.view, {swap_side(k): (-x, y) for k, (x, y) in self.points.items()}, other(self.near),
                    tuple(Prop(p.kind, tuple((-x, y) for x, y in p.points)) for p in self.props))

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the figure and its props, limbs and head at their drawn thickness."""
        xs = [x for x, _ in self.points.values()] + [x for p in self.props for x, _ in p.points]
        ys = [y for _, y in self.points.values()] + [y for p in self.props for _, y in p.points]
        hx, hy = self.points["head"]
        edge = LIMB_WIDTH / 2
        return (min(min(xs) - edge, hx - HEAD_RADIUS), min(min(ys) - edge, hy - HEAD_RADIUS),
                max(max(xs) + edge, hx + HEAD_RADIUS), max(max(ys) + edge, hy + HEAD_RADIUS))


def other(side: str) -> str:
    return "right" if side == "left" else "left"


def swap_side(name: str) -> str:
    for side in SIDES:
        if name.startswith(side + "_"):
            return other(side) + name[len(side):]
    return name


def _toward(start: Point, angle: float, length: float) -> Point:
    radians = math.radians(angle)
    return start[0] + length * math.sin(radians), start[1] + length * math.cos(radians)


def forward_kinematics(view: str, angles: Mapping[str, float]) -> Pose:
    """The points of a pose from its joint angles, hip centre at the origin.

    Side view: trunk 0 is upright and + leans forward; hip and shoulder + flex forward; knee + bends the shin
    back; elbow + bends the forearm forward; ankle is the angle between shin and foot (90 standing).
    Front view: trunk + leans toward the body's left; pelvis + raises the left hip; hip and shoulder + move
    the limb away from the midline; knee and elbow + turn the lower segment back toward the midline.
    Back view: the front view's angles, seen from behind (the body's left is on the left).
    """
    a, length = angles, LENGTHS[view]
    hip = (0.0, 0.0)
    trunk = a["trunk"]
    neck = _toward(hip, trunk, length["trunk"])
    points: dict[str, Point] = {"hip": hip, "neck": neck, "head": _toward(neck, trunk + a["head"], length["neck"])}
    for side in SIDES:
        if view == "side":
            sign, hip_at, shoulder_at = 1.0, hip, neck
            thigh = trunk + 180 - a[f"{side}_hip"]
            upper = trunk + 180 - a[f"{side}_shoulder"]
        else:
            sign = 1.0 if side == "left" else -1.0
            hip_at = _toward(hip, trunk + 90 - a["pelvis"], sign * HIP_WIDTH / 2)
            shoulder_at = _toward(neck, trunk + 90, sign * SHOULDER_WIDTH / 2)
            thigh = trunk + 180 - a["pelvis"] - sign * a[f"{side}_hip"]
            upper = trunk + 180 - sign * a[f"{side}_shoulder"]
        shin = thigh + sign * a[f"{side}_knee"]
        foot = shin - sign * (180 - a[f"{side}_ankle"])
        forearm = upper - sign * a[f"{side}_elbow"] if view == "side" else upper + sign * a[f"{side}_elbow"]
        knee = _toward(hip_at, thigh, length["thigh"])
        ankle = _toward(knee, shin, length["shin"])
        elbow = _toward(shoulder_at, upper, length["upper_arm"])
        points.update({
            f"{side}_hip": hip_at, f"{side}_knee": knee, f"{side}_ankle": ankle,
            f"{side}_toe": _toward(ankle, foot, length["foot"]),
            f"{side}_shoulder": shoulder_at, f"{side}_elbow": elbow,
            f"{side}_hand": _toward(elbow, forearm, length["forearm"]),
        })
    if view == "back":
        points = {name: (-x, y) for name, (x, y) in points.items()}
    return Pose(view, points)


def bone_length(pose: Pose, start: str, end: str) -> float:
    (x1, y1), (x2, y2) = pose.points[start], pose.points[end]
    return math.hypot(x2 - x1, y2 - y1)
