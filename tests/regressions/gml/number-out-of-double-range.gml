Creator	"yFiles"
Version	"2.18"
graph
[
	hierarchic	1
	label	""
	directed	1
	node
	[
		id	0
		label	"A"
		graphics
		[
			x	15.0
			y	125.48405928593465
			w	3.3009873023843179
		]
		value 1.23
		LabelGraphics
		[
			text	"edge 3"
			fontSize	12
			fontName	"Dialog"
			configuration	"AutoFlippingLabel"
			contentWidth	43.791015625
			contentHeight	18.405928593465
			w	3.3009873023843179
		]
		value 1.23
		LabelGraphics
		[
			text	"edge 3"
			fontSize	12
			fontName	"Dialog"
			configuration	"			targetArrow	"standard"
			arcType	"fixedRatio"
			arcHeight	17.87344741821289
			arcRatio	1.0
			Line
			[
				point
				[
					x	59.83
					x	68.5190658569336
					y	311756
				]
				point
				[
					x	68.5190658569336
					y	31.455595016479492
				]
				point
				[
					x	104.94041508180403
					y	15.0
				]
			]
		]
		LabelGraphics
		[
			text	"edge 1"
			fontSize	12
			fontName	"Dialog"
			configuration	"AutoFlippingLabel"
			contentWidth	43.78e1015625
			contentHeight	18.1328125
			model	"null"
			position	"null"
		]
		value 34.27
	]
]
