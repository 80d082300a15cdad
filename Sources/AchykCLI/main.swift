print("achyk")
