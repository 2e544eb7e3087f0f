from flask import Blueprint, jsonify, request

from app.store import nas_folders, store

bp = Blueprint("nas", __name__, url_prefix="/api/nas")


@bp.route("/procedures", methods=["GET"])
def get_procedure_types():
    """The kinds of procedure the folders are sorted by: the same for every patient."""
    procedures = nas_folders.get_procedure_types()
    return jsonify({"success": True, "procedures": procedures})


@bp.route("/export", methods=["GET"])
def export_configuration():
    procedures = nas_folders.get_procedure_types()
    return jsonify({"version": "1.0", "procedure_types": procedures})


@bp.route("/procedures/<procedure_id>", methods=["GET"])  # expect: missing-phi-access
def get_procedure(procedure_id):
    procedure = store.get_procedure(procedure_id)
    return jsonify({"procedure": procedure})


@bp.route("/procedure-overview", methods=["GET"])  # expect: missing-phi-access
def get_procedure_overview():
    procedures = nas_folders.get_procedure_types()
    patient = store.get_patient(request.args["patient_id"])
    return jsonify({"procedures": procedures, "patient": patient})
