"""The figure's geometry: bones keep their length, each exercise moves the joint its steps describe, the
right side is the mirror image of the left, and props sit where the version puts them."""

from __future__ import annotations

import math

import pytest

from hipfit_desktop.figure.book import load_figures
from hipfit_desktop.figure.motion import ease, extent, loop_pose, pose_at
from hipfit_desktop.figure.skeleton import BONES, LENGTHS, bone_length, swap_side


@pytest.fixture
def book(catalog):  # per test: mutation testing maps each test to the code it runs
    return load_figures(catalog.exercises)


def every_figure(catalog, book):
    for exercise in catalog.exercises.values():
        for version in exercise.progressions:
            yield exercise.id, version.id, book.get(exercise.id, version.id)


def test_no_bone_changes_length_in_any_frame_of_any_figure(catalog, book):
    for exercise, version, (figure, props) in every_figure(catalog, book):
        lengths = LENGTHS[figure.view]
        frames = [pose_at(figure, props, i / 10, side) for i in range(11) for side in (None, "right")]
        if figure.loop is not None:
            frames += [loop_pose(figure, props, t / 4, "left") for t in range(20)]
        for pose in frames:
            for start, end, segment in BONES:
                assert bone_length(pose, start, end) == pytest.approx(lengths[segment]), (exercise, version, start)


def y(pose, point):
    return pose.points[point][1]


def x(pose, point):
    return pose.points[point][0]


def start_end(book, exercise, version):
    figure, props = book.get(exercise, version)
    return pose_at(figure, props, 0.0), pose_at(figure, props, 1.0), figure


def angle(figure, which, joint):
    return figure.keyframes[figure.start if which == "start" else figure.end].angles[joint]


@pytest.mark.parametrize("version", ["standing", "lying", "lying-ankle-weights"])
def test_side_leg_lift_raises_the_left_leg_away_from_the_midline(book, version):
    start, end, figure = start_end(book, "side-leg-lift", version)
    assert angle(figure, "end", "left_hip") - angle(figure, "start", "left_hip") >= 25  # abduction
    if version == "standing":  # seen from the front: the foot swings out to the side and up
        assert x(end, "left_ankle") - x(start, "left_ankle") > 20 and y(end, "left_ankle") > y(start, "left_ankle")
    else:  # lying on the right side: the top foot rises off the bottom one
        assert y(end, "left_ankle") - y(start, "left_ankle") > 30
        assert y(start, "left_ankle") > y(start, "right_ankle")  # a gap stays between the legs


@pytest.mark.parametrize("version", ["bridge", "banded-bridge", "single-leg-bridge"])
def test_glute_bridge_lifts_the_hips_by_extending_them_while_the_feet_stay_planted(book, version):
    start, end, figure = start_end(book, "glute-bridge", version)
    assert angle(figure, "start", "left_hip") - angle(figure, "end", "left_hip") >= 45  # hip extension
    assert y(end, "hip") - y(start, "hip") > 15
    assert start.points["left_ankle"] == pytest.approx(end.points["left_ankle"])
    # at the top, shoulders, hips and knees are in one line
    (sx, sy), (hx, hy), (kx, ky) = (end.points[p] for p in ("neck", "hip", "left_knee"))
    assert abs(math.atan2(hy - sy, hx - sx) - math.atan2(ky - hy, kx - hx)) < math.radians(5)
    if version == "single-leg-bridge":  # the other foot is off the floor, its knee at about 90 degrees
        assert y(end, "right_ankle") > y(end, "left_ankle") + 30 and 80 <= angle(figure, "end", "right_knee") <= 100


@pytest.mark.parametrize("version", ["squat", "one-legged-squat"])
def test_squat_bends_the_knees_and_lowers_the_hips(book, version):
    start, end, figure = start_end(book, "squat", version)
    assert angle(figure, "end", "left_knee") - angle(figure, "start", "left_knee") >= 60  # knee flexion
    assert y(start, "hip") - y(end, "hip") > 20
    if version == "squat":  # down to thighs parallel to the floor
        assert y(end, "left_knee") == pytest.approx(y(end, "left_hip"), abs=3)
    else:  # the free leg is held out in front, straight
        assert x(end, "right_ankle") > x(end, "left_ankle") + 30 and angle(figure, "end", "right_knee") == 0


@pytest.mark.parametrize("version", ["bent-knee-kick", "weighted-kick"])
def test_donkey_kick_pushes_the_bent_leg_s_foot_up_behind(book, version):
    start, end, figure = start_end(book, "donkey-kick", version)
    assert angle(figure, "start", "left_hip") - angle(figure, "end", "left_hip") >= 60  # hip extension
    assert y(end, "left_ankle") - y(start, "left_ankle") > 40 and 80 <= angle(figure, "end", "left_knee") <= 100
    assert start.points["right_knee"] == end.points["right_knee"] and y(start, "right_knee") < 10


def test_straight_leg_kick_ends_with_the_leg_in_line_with_the_back(book):
    start, end, figure = start_end(book, "donkey-kick", "straight-or-side-kick")
    assert angle(figure, "end", "left_knee") == 0
    assert y(end, "left_ankle") == pytest.approx(y(end, "left_hip"), abs=12)


def test_side_kick_opens_the_bent_leg_out_to_the_side(book):
    start, end, figure = start_end(book, "donkey-kick", "side-kick")
    assert figure.view == "back" and angle(figure, "end", "left_hip") - angle(figure, "start", "left_hip") >= 60
    assert y(end, "left_knee") == pytest.approx(y(end, "left_hip"), abs=10)  # thigh about level with the hip


@pytest.mark.parametrize("exercise", ["donkey-kick", "quadruped-hip-extension"])
def test_on_all_fours_the_hands_and_the_resting_knee_are_on_the_floor(book, exercise):
    start, end, _ = start_end(book, exercise, None)
    for pose in (start, end):
        assert y(pose, "right_knee") < 8 and y(pose, "left_hand") < 8 and y(pose, "right_hand") < 8


def test_banded_side_step_widens_the_stance_with_the_leading_leg(book):
    start, end, figure = start_end(book, "banded-side-step", "band-at-ankles")
    assert x(end, "left_ankle") - x(end, "right_ankle") > x(start, "left_ankle") - x(start, "right_ankle") + 15
    assert start.points["right_ankle"] == end.points["right_ankle"]
    assert x(start, "left_ankle") - x(start, "right_ankle") > 20  # the feet never come together


@pytest.mark.parametrize("version", ["hands-free", "hands-behind-head"])
def test_hip_abduction_on_a_step_moves_the_free_leg_out_while_standing_on_the_box(book, version):
    start, end, figure = start_end(book, "hip-abduction-step", version)
    assert angle(figure, "end", "right_hip") - angle(figure, "start", "right_hip") >= 25
    assert x(end, "right_ankle") < x(start, "right_ankle") - 20  # the right leg goes out to its side
    box = next(p for p in end.props if p.kind == "box")
    (left, bottom), (right, top) = box.points
    assert left < x(end, "left_ankle") < right and y(end, "left_ankle") == pytest.approx(top + 4)
    if version == "hands-behind-head":
        assert y(end, "left_hand") > y(end, "neck") and y(end, "right_hand") > y(end, "neck")


def test_hip_drop_lowers_the_hanging_side_and_hip_hike_raises_it_above_level(book):
    start, end, _ = start_end(book, "heel-drop", "hip-drop")
    assert y(start, "right_hip") == pytest.approx(y(start, "left_hip"))
    assert y(end, "right_hip") < y(end, "left_hip") - 2 and y(end, "right_ankle") < y(start, "right_ankle")
    start, end, figure = start_end(book, "heel-drop", "hip-hike")
    assert y(start, "right_hip") < y(start, "left_hip") and y(end, "right_hip") > y(end, "left_hip") + 2
    assert angle(figure, "end", "left_knee") > 0  # the standing knee bends slightly


@pytest.mark.parametrize("version", ["position-1", "position-2", "position-3"])
def test_couch_stretch_holds_the_back_knee_by_the_wall_with_its_shin_up_the_wall(book, version):
    _, end, _ = start_end(book, "couch-stretch", version)
    wall = next(p for p in end.props if p.kind == "wall")
    wall_face = wall.points[1][0]
    assert y(end, "left_knee") < 8 and y(end, "left_ankle") > y(end, "left_knee") + 30
    assert x(end, "left_ankle") - wall_face < 10
    if version == "position-3":  # upright, the front foot flat on the floor, its knee above the ankle
        assert x(end, "neck") == pytest.approx(x(end, "hip"), abs=3) and y(end, "right_toe") < 8
        assert x(end, "right_knee") == pytest.approx(x(end, "right_ankle"), abs=5)
    else:
        assert y(end, "left_hand") < 8 and y(end, "right_hand") < 8


def test_stretch_positions_stretch_the_back_hip_further_each_time(book):
    hips = [angle(start_end(book, "couch-stretch", f"position-{n}")[2], "end", "left_hip") for n in (1, 2, 3)]
    assert hips == sorted(hips, reverse=True)


@pytest.mark.parametrize("version", ["knee-drive-no-band", "knee-drive", "knee-drive-pause"])
def test_knee_drive_lifts_the_knee_to_hip_height_with_the_opposite_arm(book, version):
    start, end, figure = start_end(book, "banded-knee-drive", version)
    assert y(end, "left_knee") == pytest.approx(y(end, "left_hip"), abs=8)
    assert angle(figure, "end", "right_shoulder") - angle(figure, "start", "right_shoulder") >= 40
    assert y(end, "right_hand") > y(start, "right_hand")


def test_hands_and_knees_hip_extension_lifts_the_thigh_with_the_knee_at_90(book):
    start, end, figure = start_end(book, "quadruped-hip-extension", "banded")
    assert angle(figure, "start", "left_hip") - angle(figure, "end", "left_hip") >= 60
    assert 85 <= angle(figure, "end", "left_knee") <= 95 and y(end, "left_knee") > y(start, "left_knee") + 25


def test_clamshell_opens_the_top_knee_while_the_feet_stay_together(book):
    start, end, figure = start_end(book, "clamshell", "no-band")
    assert y(end, "left_knee") - y(start, "left_knee") > 15
    for pose in (start, end):
        assert math.dist(pose.points["left_ankle"], pose.points["right_ankle"]) < 8
        assert y(pose, "left_hip") > y(pose, "right_hip")  # lying on the right side, the left on top


def test_hip_hinge_bends_forward_with_the_lifted_leg_reaching_back(book):
    start, end, figure = start_end(book, "hip-hinge-rotation", None)
    assert angle(figure, "end", "trunk") >= 45
    assert x(end, "left_ankle") < x(end, "hip") - 30 and y(start, "left_toe") > 4


def test_the_right_side_is_the_mirror_image_of_the_left(catalog, book):
    for exercise, version, (figure, props) in every_figure(catalog, book):
        left, right = pose_at(figure, props, 0.4, "left"), pose_at(figure, props, 0.4, "right")
        for name, (px, py) in left.points.items():
            assert right.points[swap_side(name)] == pytest.approx((-px, py)), (exercise, version, name)
        assert [(p.kind, [(-a, b) for a, b in p.points]) for p in left.props] == \
            [(p.kind, [(a, b) for a, b in p.points]) for p in right.props]
        assert (left.near, right.near) == ("left", "right")


def test_seen_from_the_front_the_right_side_lifts_its_leg_to_the_other_side_of_the_picture(book):
    figure, props = book.get("side-leg-lift", "standing")
    assert x(pose_at(figure, props, 1.0, "left"), "left_ankle") > 20
    assert x(pose_at(figure, props, 1.0, "right"), "right_ankle") < -20


@pytest.mark.parametrize(("version", "on"), [("banded-bridge", "thigh"), ("bridge", None)])
def test_a_band_above_the_knees_rings_both_thighs(book, version, on):
    _, end, _ = start_end(book, "glute-bridge", version)
    kinds = [p.kind for p in end.props]
    if on is None:
        assert "band" not in kinds and "cuff" not in kinds
        return
    band = next(p for p in end.props if p.kind == "band")
    for point, side in zip(band.points, ("left", "right"), strict=True):
        hip, knee = end.points[f"{side}_hip"], end.points[f"{side}_knee"]
        assert math.dist(hip, point) + math.dist(point, knee) == pytest.approx(math.dist(hip, knee))
        assert math.dist(point, knee) < math.dist(point, hip) / 3  # just above the knee
    assert kinds.count("cuff") == 2


@pytest.mark.parametrize(("version", "place", "bone"), [
    ("band-below-knees", 0.18, ("knee", "ankle")), ("band-at-ankles", 0.9, ("knee", "ankle"))])
def test_bands_lower_on_the_leg_sit_on_the_shins(book, version, place, bone):
    _, end, _ = start_end(book, "banded-side-step", version)
    band = next(p for p in end.props if p.kind == "band")
    a, b = end.points[f"left_{bone[0]}"], end.points[f"left_{bone[1]}"]
    assert band.points[0] == pytest.approx((a[0] + (b[0] - a[0]) * place, a[1] + (b[1] - a[1]) * place))


def test_an_ankle_weight_moves_with_the_leg_that_wears_it(book):
    start, end, _ = start_end(book, "side-leg-lift", "lying-ankle-weights")
    before, after = (next(p for p in pose.props if p.kind == "weight").points[0] for pose in (start, end))
    assert after[1] - before[1] > 30 and math.dist(after, end.points["left_ankle"]) < 8


def test_the_knee_drive_band_goes_round_both_feet(book):
    _, end, _ = start_end(book, "banded-knee-drive", "knee-drive")
    band = next(p for p in end.props if p.kind == "band")
    assert band.points[0][1] > band.points[1][1] + 30  # stretched from the lifted foot down to the standing one


def test_every_frame_stays_inside_the_figure_s_extent(catalog, book):
    for exercise, _, (figure, props) in every_figure(catalog, book):
        left, bottom, right, top = extent(figure, props, "right")
        for i in range(11):
            l2, b2, r2, t2 = pose_at(figure, props, i / 10, "right").bounds()
            assert left <= l2 + 1e-6 and bottom <= b2 + 1e-6 and r2 <= right + 1e-6 and t2 <= top + 1e-6, exercise


def test_nothing_but_the_floor_props_lies_below_the_floor(catalog, book):
    for exercise, version, (figure, props) in every_figure(catalog, book):
        for i in range(11):
            pose = pose_at(figure, props, i / 10)
            assert min(py for _, py in pose.points.values()) > -3, (exercise, version)


def test_easing_starts_and_ends_slowly_and_never_goes_back():
    values = [ease(i / 100) for i in range(101)]
    assert values[0] == 0 and values[-1] == 1 and values[50] == pytest.approx(0.5)
    assert values == sorted(values) and values[5] < 0.05 and values[95] > 0.95
    assert ease(-1) == 0 and ease(2) == 1


def test_a_looping_figure_repeats_every_loop_and_passes_through_each_keyframe(book):
    figure, props = book.get("hip-hinge-rotation")
    assert figure.loop is not None
    period = figure.loop.seconds
    later = loop_pose(figure, props, 1.3 + 3 * period).points
    for name, point in loop_pose(figure, props, 1.3).points.items():
        assert later[name] == pytest.approx(point)
    step = period / len(figure.loop.keyframes)
    for i, index in enumerate(figure.loop.keyframes):
        through = loop_pose(figure, props, i * step)
        assert through.points == _placed_at(figure, props, index).points
    assert loop_pose(figure, props, step).points["left_elbow"] != loop_pose(figure, props, 0.0).points["left_elbow"]


def _placed_at(figure, props, index):
    """The pose of one keyframe, placed as every frame is: via a two-keyframe figure's end."""
    from dataclasses import replace

    return pose_at(replace(figure, start=0 if index else 1, end=index), props, 1.0)


def test_a_held_stretch_has_only_its_start_and_end_pose(book):
    figure, props = book.get("couch-stretch", "position-3")
    assert figure.still and figure.loop is None
    assert pose_at(figure, props, 0.3, "right") == pose_at(figure, props, 0.0, "right")
    assert pose_at(figure, props, 0.5, "right") == pose_at(figure, props, 1.0, "right")
    assert pose_at(figure, props, 0.0, "right") != pose_at(figure, props, 1.0, "right")


def test_counted_and_looping_figures_move_through_frames_between_their_poses(book):
    for exercise, point in (("glute-bridge", "hip"), ("hip-hinge-rotation", "neck")):
        figure, props = book.get(exercise)
        assert not figure.still
        heights = [y(pose_at(figure, props, p), point) for p in (0.0, 0.5, 1.0)]
        assert min(heights[0], heights[2]) < heights[1] < max(heights[0], heights[2])


def test_the_figure_eases_out_of_the_start_and_into_the_end(catalog):
    from dataclasses import replace

    from hipfit_desktop.figure.book import Keyframe

    figure, props = load_figures(catalog.exercises).get("squat", "squat")
    upright = dict(figure.keyframes[0].angles)
    bent = replace(figure, keyframes=(Keyframe("a", upright), Keyframe("b", {**upright, "trunk": 90})),
                   start=0, end=1, anchor="hip", mat=False)
    def lean(figure, progress):
        hip, neck = (pose_at(figure, props, progress).points[p] for p in ("hip", "neck"))
        return math.degrees(math.atan2(neck[0] - hip[0], neck[1] - hip[1]))

    backwards = replace(bent, start=1, end=0)  # a start keyframe listed after the end one runs back to it
    via = replace(bent, keyframes=(bent.keyframes[0], Keyframe("m", {**upright, "trunk": 45}), bent.keyframes[1]),
                  end=2)  # through a keyframe on the way: still one smooth movement, eased once
    for progress in (0.0, 0.1, 0.25, 0.5, 0.8):
        assert lean(bent, progress) == pytest.approx(90 * ease(progress), abs=1e-9)
        assert lean(backwards, progress) == pytest.approx(90 * (1 - ease(progress)), abs=1e-9)
        assert lean(via, progress) == pytest.approx(90 * ease(progress), abs=1e-9)


def test_the_right_side_loops_as_the_mirror_image_of_the_left(book):
    figure, props = book.get("hip-hinge-rotation")
    left, right = loop_pose(figure, props, 2.7, "left"), loop_pose(figure, props, 2.7, "right")
    assert right == left.mirrored()


def test_a_loop_ends_each_round_where_it_began(book):
    figure, props = book.get("hip-hinge-rotation")
    end_of_round = loop_pose(figure, props, figure.loop.seconds - 1e-6).points
    for name, point in loop_pose(figure, props, 0.0).points.items():
        assert end_of_round[name] == pytest.approx(point, abs=1e-3)


def test_the_extent_of_the_right_side_is_the_mirror_of_the_left(catalog, book):
    for _, _, (figure, props) in every_figure(catalog, book):
        left, bottom, right, top = extent(figure, props, "left")
        assert extent(figure, props, "right") == pytest.approx((-right, bottom, -left, top))


def test_poses_keep_their_figure_s_view_on_either_side(catalog, book):
    for _, _, (figure, props) in every_figure(catalog, book):
        assert pose_at(figure, props, 0.5, "left").view == pose_at(figure, props, 0.5, "right").view == figure.view


def test_a_band_s_loops_cross_their_limb_at_right_angles_where_the_band_ends(catalog, book):
    for exercise, version, (figure, props) in every_figure(catalog, book):
        if props.band is None:
            continue
        pose = pose_at(figure, props, 0.6, "right")
        band = next(p for p in pose.props if p.kind == "band")
        cuffs = [p for p in pose.props if p.kind == "cuff"]
        assert len(cuffs) == 2, (exercise, version)
        for end, cuff in zip(band.points, cuffs, strict=True):
            (ax, ay), (bx, by) = cuff.points
            assert ((ax + bx) / 2, (ay + by) / 2) == pytest.approx(end)
            assert math.dist(cuff.points[0], cuff.points[1]) == pytest.approx(2 * 0.9 * 8.0)
        # across the bone: the first cuff is at right angles to the limb it sits on
        bone = {"above-knees": ("right_hip", "right_knee"), "below-knees": ("right_knee", "right_ankle"),
                "ankles": ("right_knee", "right_ankle"), "feet": ("right_ankle", "right_toe"),
                "knee-to-thigh": ("right_hip", "right_knee")}[props.band]
        (hx, hy), (kx, ky) = (pose.points[p] for p in bone)
        (ax, ay), (bx, by) = cuffs[0].points
        assert (kx - hx) * (bx - ax) + (ky - hy) * (by - ay) == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize(("version", "place", "bone", "t"), [
    ("knee-drive", "feet", ("ankle", "toe"), 0.5)])
def test_the_feet_band_sits_mid_foot_on_both_feet(book, version, place, bone, t):
    _, end, _ = start_end(book, "banded-knee-drive", version)
    band = next(p for p in end.props if p.kind == "band")
    for side, point in zip(("left", "right"), band.points, strict=True):
        a, b = end.points[f"{side}_{bone[0]}"], end.points[f"{side}_{bone[1]}"]
        assert point == pytest.approx((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))


def test_the_hands_and_knees_band_runs_from_the_lifted_thigh_to_the_knee_on_the_floor(book):
    _, end, _ = start_end(book, "quadruped-hip-extension", "banded")
    band = next(p for p in end.props if p.kind == "band")
    hip, knee = end.points["left_hip"], end.points["left_knee"]
    assert band.points[0] == pytest.approx((hip[0] + (knee[0] - hip[0]) * 0.85, hip[1] + (knee[1] - hip[1]) * 0.85))
    assert band.points[1] == pytest.approx(end.points["right_knee"])


def test_the_below_knee_and_ankle_bands_sit_on_both_shins(book):
    for version, t in (("band-below-knees", 0.18), ("band-at-ankles", 0.9)):
        _, end, _ = start_end(book, "banded-side-step", version)
        band = next(p for p in end.props if p.kind == "band")
        knee, ankle = end.points["right_knee"], end.points["right_ankle"]
        assert band.points[1] == pytest.approx((knee[0] + (ankle[0] - knee[0]) * t, knee[1] + (ankle[1] - knee[1]) * t))


def test_an_ankle_weight_is_only_on_versions_that_use_one(book):
    weighted = (("side-leg-lift", "lying-ankle-weights", "left"), ("donkey-kick", "weighted-kick", "left"),
                ("heel-drop", "weighted-hip-hike", "right"))
    for exercise, version, leg in weighted:
        _, end, _ = start_end(book, exercise, version)
        weight = next(p for p in end.props if p.kind == "weight")
        assert math.dist(weight.points[0], end.points[f"{leg}_ankle"]) < 8
    _, end, _ = start_end(book, "side-leg-lift", "lying")
    assert not [p for p in end.props if p.kind == "weight"]
