"""From keyframes to a placed frame: easing between keyframes, the figure set on its floor or box, the props
put where the version has them, and the mirror image for the right side. No clock: the caller says how far."""

from __future__ import annotations

import math
from functools import lru_cache

from .book import Figure, VersionProps
from .skeleton import HEAD_RADIUS, LIMB_WIDTH, SIDES, Point, Pose, Prop, forward_kinematics

BOX_HEIGHT = 20.0  # cm: a low step
WALL_HEIGHT = 110.0
MAT_THICKNESS = 2.0
FLOOR_MARGIN = 25.0  # how far the floor line reaches past the figure


def ease(t: float) -> float:
    """Slow out of one keyframe and into the next, as a limb really moves (smoothstep)."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def pose_at(figure: Figure, props: VersionProps, progress: float, side: str | None = None) -> Pose:
    """The pose `progress` of the way from the start keyframe to the end one (0 start, 1 end). A still figure
    is never seen moving, so it has no frames in between: it shows the nearer of its two poses."""
    if figure.still:
        progress = 1.0 if progress >= 0.5 else 0.0
    step = 1 if figure.end > figure.start else -1
    frames = tuple(range(figure.start, figure.end + step, step))
    return _placed(figure, props, _along(figure, frames, progress, eased_each=False), side)


def loop_pose(figure: Figure, props: VersionProps, seconds: float, side: str | None = None) -> Pose:
    """A looping figure `seconds` into its movement (the figure must have a loop)."""
    assert figure.loop is not None
    rounds = seconds / figure.loop.seconds
    frames = (*figure.loop.keyframes, figure.loop.keyframes[0])
    return _placed(figure, props, _along(figure, frames, rounds - math.floor(rounds), eased_each=True), side)


EXTENT_PAD = 2.0  # cm: a limb swinging on an arc between two keyframes bulges a little past both


def extent(figure: Figure, props: VersionProps, side: str | None = None) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) covering the whole movement: scale a view by this, and it never jumps mid-rep."""
    boxes = [_placed(figure, props, dict(k.angles), side).bounds() for k in figure.keyframes]
    return (min(b[0] for b in boxes) - EXTENT_PAD, min(b[1] for b in boxes) - EXTENT_PAD,
            max(b[2] for b in boxes) + EXTENT_PAD, max(b[3] for b in boxes) + EXTENT_PAD)


def _along(figure: Figure, frames: tuple[int, ...], progress: float, eased_each: bool) -> dict[str, float]:
    """Angles `progress` of the way along a chain of keyframes; eased once over the chain, or per step in a loop."""
    steps = len(frames) - 1
    where = progress * steps if eased_each else ease(progress) * steps  # a loop's progress is in [0, 1)
    index = min(int(where), steps - 1)
    t = where - index
    if eased_each:
        t = ease(t)
    a, b = figure.keyframes[frames[index]].angles, figure.keyframes[frames[index + 1]].angles
    return {joint: a[joint] + (b[joint] - a[joint]) * t for joint in a}


def _placed(figure: Figure, props: VersionProps, angles: dict[str, float], side: str | None) -> Pose:
    pose = forward_kinematics(figure.view, angles)
    ax, ay = pose.points[figure.anchor]
    rest_x, rest_y = _anchor_rest(figure)
    pose = pose.moved(rest_x - ax, rest_y - ay)
    pose = Pose(pose.view, pose.points, pose.near, _setup(figure) + _version_props(pose, props))
    return pose.mirrored() if side == "right" else pose


@lru_cache(maxsize=256)
def _anchor_rest(figure: Figure) -> Point:
    """Where the anchor stays: at x 0, at the height that rests the start pose on the floor or on the box."""
    start = forward_kinematics(figure.view, figure.keyframes[figure.start].angles)
    if figure.box:
        return 0.0, BOX_HEIGHT + LIMB_WIDTH / 2
    lowest = min(min(y for _, y in start.points.values()) - LIMB_WIDTH / 2, start.points["head"][1] - HEAD_RADIUS)
    return 0.0, start.points[figure.anchor][1] - lowest + (MAT_THICKNESS if figure.mat else 0.0)


@lru_cache(maxsize=256)
def _setup(figure: Figure) -> tuple[Prop, ...]:
    """Floor, mat, box and wall: the same in every frame, sized to the whole movement."""
    rest_x, rest_y = _anchor_rest(figure)
    xs: list[float] = []
    for keyframe in figure.keyframes:
        pose = forward_kinematics(figure.view, keyframe.angles)
        ax, _ = pose.points[figure.anchor]
        xs += [x - ax + rest_x for x, _ in pose.points.values()]
    left, right = min(xs), max(xs)
    props = [Prop("floor", ((left - FLOOR_MARGIN, 0.0), (right + FLOOR_MARGIN, 0.0)))]
    if figure.mat:
        props.append(Prop("mat", ((left - 10, 0.0), (right + 10, MAT_THICKNESS))))
    if figure.box:  # under the anchor foot, its edge just inside the free leg
        inner, outer = (-12.0, 40.0) if figure.view == "front" else (-15.0, 30.0)
        props.append(Prop("box", ((rest_x + inner, 0.0), (rest_x + outer, BOX_HEIGHT))))
    if figure.wall:  # against the anchored leg in the end pose (the knee in the corner, the shin up the wall)
        end = forward_kinematics(figure.view, figure.keyframes[figure.end].angles)
        leg = next((side for side in SIDES if figure.anchor.startswith(side + "_")), None)
        touching = [f"{leg}_{p}" for p in ("knee", "ankle", "toe")] if leg else list(end.points)
        rearmost = min(end.points[name][0] for name in touching)
        back = rearmost - end.points[figure.anchor][0] + rest_x - LIMB_WIDTH / 2
        props.append(Prop("wall", ((back - 6, 0.0), (back, WALL_HEIGHT))))
    return tuple(props)


def _version_props(pose: Pose, props: VersionProps) -> tuple[Prop, ...]:
    p = pose.points
    found: list[Prop] = []
    if props.band is not None:
        ends = {
            "above-knees": (("left_hip", "left_knee", 0.82), ("right_hip", "right_knee", 0.82)),
            "below-knees": (("left_knee", "left_ankle", 0.18), ("right_knee", "right_ankle", 0.18)),
            "ankles": (("left_knee", "left_ankle", 0.9), ("right_knee", "right_ankle", 0.9)),
            "feet": (("left_ankle", "left_toe", 0.5), ("right_ankle", "right_toe", 0.5)),
            # on hands and knees: under the knee that stays down, over the lifted (left) thigh
            "knee-to-thigh": (("left_hip", "left_knee", 0.85), ("right_knee", "right_ankle", 0.0)),
        }[props.band]
        points = [_on(p[a], p[b], t) for a, b, t in ends]
        found.append(Prop("band", (points[0], points[1])))
        found += [_cuff(p[a], p[b], at) for (a, b, _), at in zip(ends, points, strict=True)]
    if props.ankle_weight is not None:
        leg = props.ankle_weight
        found.append(Prop("weight", (_on(p[f"{leg}_knee"], p[f"{leg}_ankle"], 0.86),)))
    return tuple(found)


def _on(a: Point, b: Point, t: float) -> Point:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def _cuff(a: Point, b: Point, at: Point) -> Prop:
    """A band's loop drawn across a limb: a short stroke at right angles to the bone."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length * LIMB_WIDTH * 0.9, dx / length * LIMB_WIDTH * 0.9
    return Prop("cuff", ((at[0] - nx, at[1] - ny), (at[0] + nx, at[1] + ny)))
