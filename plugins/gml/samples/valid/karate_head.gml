Creator "sample"
graph [
  directed 0
  node [ id 1 label "Mr. Hi" kind "person" graphics [ x 1.5 y 2 ] ]
  node [ id 2 label "Officer" club "Officer" ]
  node [ id 3 ]
  edge [ source 1 target 2 weight 4 ]
  edge [ source 2 target 3 ]
]
